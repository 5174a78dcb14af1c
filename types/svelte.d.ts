/**
 * `<tiny-chat>` in Svelte 5 markup (svelte-check): `import type {} from 'tinychat-widget/svelte'` once.
 * `ontinychat-message={…}` listens to `tinychat-message`.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { TinyChatAttributes, TinyChatElement, TinyChatEventDetails } from './tinychat.js';

/** `ontinychat-<name>` listeners, each with its event's detail. */
export type TinyChatSvelteEvents = {
  [N in keyof TinyChatEventDetails as `ontinychat-${N}`]?: (event: CustomEvent<TinyChatEventDetails[N]>) => void;
};

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'tiny-chat': HTMLAttributes<TinyChatElement> & TinyChatAttributes & TinyChatSvelteEvents;
  }
}
