/**
 * The script-tag entry, loaded by `tinychat.js`: defines `<tiny-chat>`, makes one from the script's
 * `data-*` attributes (unless the page wrote its own element), and runs the `window.TinyChat` queue.
 */
import { widgetAttributes } from './element/attributes.ts';
import { commandQueue } from './element/commandQueue.ts';
import { defineTinyChat, TinyChatElement } from './element/TinyChatElement.ts';

interface QueueGlobal {
  (...args: unknown[]): unknown;
  q?: unknown[][];
}

/**
 * @param script - the `<script>` that loaded `tinychat.js` (the loader finds it; null when unknown)
 * @param placed - the `<tiny-chat>` the loader already put on the page with its facade launcher, if any
 */
export function boot(script: HTMLScriptElement | null, placed: HTMLElement | null = null): void {
  if (script?.src) TinyChatElement.defaultBaseUrl = new URL(script.src).origin;
  defineTinyChat();
  const start = () => {
    let element = document.querySelector<TinyChatElement>('tiny-chat');
    if (placed !== null) element = placed as TinyChatElement;
    else if (script?.dataset.apiKey !== undefined) {
      element = document.createElement('tiny-chat') as TinyChatElement;
      for (const name of widgetAttributes) {
        const value = script.getAttribute(`data-${name}`);
        if (value !== null) element.setAttribute(name, value);
      }
      document.body.append(element);
    }
    const global = window as unknown as { TinyChat?: QueueGlobal };
    const queued = global.TinyChat?.q ?? [];
    if (element !== null) global.TinyChat = commandQueue(element, queued);
  };
  if (document.body === null) document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
