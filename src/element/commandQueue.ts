import type { Identity, TinyChatElement } from './TinyChatElement.ts';

/** A `window.TinyChat(...)` call: the element's methods by name, plus `on` for its events. */
export type TinyChatCommand = ['open'] | ['close'] | ['toggle'] | ['identify', Identity] | ['send', string] | ['on', string, (event: CustomEvent) => void];

type Queued = IArguments | unknown[];

/**
 * Runs queued `window.TinyChat(...)` calls in order, then turns the global into a function that runs each
 * call at once. Event names may be given with or without the `tinychat:` (or `tinychat-`) prefix.
 *
 * @param element - the widget the commands drive
 * @param queued - calls made before the script loaded (the loader's `TinyChat.q`)
 * @returns the function to install as `window.TinyChat`
 */
export function commandQueue(element: TinyChatElement, queued: readonly Queued[] = []): (...args: unknown[]) => unknown {
  const run = (...args: unknown[]): unknown => {
    const [name, ...rest] = args;
    switch (name) {
      case 'open':
        return element.open();
      case 'close':
        return element.close();
      case 'toggle':
        return element.toggle();
      case 'identify':
        return element.identify(rest[0] as Identity);
      case 'send':
        return element.send(String(rest[0]));
      case 'on': {
        const event = String(rest[0]);
        const listener = rest[1];
        if (typeof listener !== 'function') return undefined;
        element.addEventListener(/^tinychat[:-]/.test(event) ? event : `tinychat:${event}`, listener as EventListener);
        return undefined;
      }
      default:
        console.warn(`TinyChat: unknown command ${JSON.stringify(name)}. Known: open, close, toggle, identify, send, on.`);
        return undefined;
    }
  };
  for (const call of queued) {
    try {
      void run(...Array.from(call));
    } catch (error) {
      console.error('TinyChat: a queued command failed', error);
    }
  }
  return run;
}
