/**
 * `<tiny-chat>` in Solid JSX: `import type {} from 'tinychat-widget/solid'` once. `on:tinychat-message={…}`
 * listens to `tinychat-message`.
 */
import type { JSX } from 'solid-js';
import type { TinyChatAttributes, TinyChatElement, TinyChatEventDetails } from './tinychat.js';

/** `on:tinychat-<name>` listeners, each with its event's detail. */
export type TinyChatSolidEvents = {
  [N in keyof TinyChatEventDetails as `on:tinychat-${N}`]?: (event: CustomEvent<TinyChatEventDetails[N]>) => void;
};

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'tiny-chat': JSX.HTMLAttributes<TinyChatElement> & TinyChatAttributes & TinyChatSolidEvents;
    }
  }
}
