// Svelte's element typings: what svelte-check checks `<tiny-chat …>` in markup against.
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'tinychat-widget/svelte';

type Props = SvelteHTMLElements['tiny-chat'];

export const ok: Props = {
  'api-key': 'pk_test_demo',
  'user-id': 'u_1',
  class: 'chat',
  'ontinychat-message': (event) => void event.detail.message.body,
};
// @ts-expect-error: not a mode
export const badMode: Props = { mode: 'sideways' };
// @ts-expect-error: the ready detail has no count
export const badDetail: Props = { 'ontinychat-ready': (event) => void event.detail.count };
