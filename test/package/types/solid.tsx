/** @jsxImportSource solid-js */
// Solid JSX: attributes typed, on:tinychat-* listeners get their event's detail.
import type {} from 'tinychat-widget/solid';

export const ok = <tiny-chat api-key="pk_test_demo" mode="bubble" on:tinychat-message={(event) => void event.detail.message.body} />;
// @ts-expect-error: not a mode
export const badMode = <tiny-chat api-key="pk_test_demo" mode="sideways" />;
// @ts-expect-error: the unread detail has no message
export const badDetail = <tiny-chat on:tinychat-unread={(event) => void event.detail.message} />;
