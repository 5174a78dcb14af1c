/** @jsxImportSource react */
// React 19 JSX: attributes typed, ontinychat-* listeners get their event's detail.
import type {} from 'tinychat-widget/react';

export const ok = (
  <tiny-chat
    api-key="pk_test_demo"
    user-id="u_1"
    mode="inline"
    theme="dark"
    className="chat"
    ontinychat-message={(event) => void event.detail.message.id}
    ontinychat-unread={(event) => void event.detail.count}
  />
);
// @ts-expect-error: not a theme
export const badTheme = <tiny-chat api-key="pk_test_demo" theme="neon" />;
// @ts-expect-error: the unread detail has no message
export const badDetail = <tiny-chat ontinychat-unread={(event) => void event.detail.message} />;
