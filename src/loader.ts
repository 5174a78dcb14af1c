/**
 * `tinychat.js`, the file a site owner pastes: a classic script of a few hundred bytes that installs the
 * `window.TinyChat` queue and imports the widget as a module from beside itself, so the widget can load
 * its lazy parts (realtime) as chunks, which a classic script cannot.
 */
interface QueueGlobal {
  (...args: unknown[]): unknown;
  q?: unknown[][];
}

const w = window as unknown as { TinyChat?: QueueGlobal };
w.TinyChat ??= Object.assign((...args: unknown[]) => void (w.TinyChat?.q ?? []).push(args), { q: [] as unknown[][] });
const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src ?? document.baseURI;
import(/* @vite-ignore */ new URL('./tinychat.script.mjs', base).href).then(
  (m: { boot(script: HTMLScriptElement | null): void }) => m.boot(script),
  (error: unknown) => console.error('TinyChat: the widget could not load.', error),
);
