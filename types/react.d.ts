/**
 * `<tiny-chat>` in React 19 JSX: `import type {} from 'tinychat-widget/react'` once (or list it in `compilerOptions.types`).
 * React 19 passes `api-key="…"` as an attribute and `ontinychat-message={…}` as a listener of `tinychat-message`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TinyChatAttributes, TinyChatElement, TinyChatEventDetails } from './tinychat.js';

/** `ontinychat-<name>` listeners, each with its event's detail. */
export type TinyChatReactEvents = {
  [N in keyof TinyChatEventDetails as `ontinychat-${N}`]?: (event: CustomEvent<TinyChatEventDetails[N]>) => void;
};

/** Everything `<tiny-chat>` takes in React JSX. */
export type TinyChatReactProps = DetailedHTMLProps<HTMLAttributes<TinyChatElement>, TinyChatElement> & TinyChatAttributes & TinyChatReactEvents;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tiny-chat': TinyChatReactProps;
    }
  }
}
