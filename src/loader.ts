/**
 * `tinychat.js`, the file a site owner pastes: a classic script of about a kilobyte that installs the
 * `window.TinyChat` queue, puts the launcher on screen at once (a facade: a real button whose click is queued
 * as `open`), and imports the widget as a module from beside itself, so the widget can load its lazy parts as
 * chunks, which a classic script cannot. When the widget's module arrives, `<tiny-chat>` is upgraded in place
 * and renders its own launcher over the facade's (same size, place and colours: nothing moves).
 */
import { facadeLocale } from './facadeLocale.ts';

interface QueueGlobal {
  (...args: unknown[]): unknown;
  q?: unknown[][];
}

const w = window as unknown as { TinyChat?: QueueGlobal };
w.TinyChat ??= Object.assign((...args: unknown[]) => void (w.TinyChat?.q ?? []).push(args), { q: [] as unknown[][] });
const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src ?? document.baseURI;

// The launcher's look, kept in step with src/view/styles/launcherStyles.ts and hostStyles.ts.
const css = `:host{all:initial}button{position:fixed;inset-inline-end:var(--tinychat-offset-inline,var(--tinychat-offset-right,20px));
bottom:calc(var(--tinychat-offset-bottom,20px) + env(safe-area-inset-bottom,0px));z-index:var(--tinychat-z-index,2147483000);
width:var(--tinychat-launcher-size,56px);height:var(--tinychat-launcher-size,56px);border-radius:var(--tinychat-launcher-radius,50%);
border:0;padding:0;cursor:pointer;display:flex;align-items:center;justify-content:center;
background:var(--tinychat-accent,#2563eb);color:var(--tinychat-accent-fg,#fff);box-shadow:0 10px 30px rgba(15,23,42,.22)}
i{width:24px;height:24px;background:currentColor;clip-path:path('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z')}
:host([theme=dark]) button{background:var(--tinychat-accent,#60a5fa);color:var(--tinychat-accent-fg,#0b1220)}
@media (prefers-color-scheme:dark){:host([theme=auto]) button{background:var(--tinychat-accent,#60a5fa);color:var(--tinychat-accent-fg,#0b1220)}}`;

/** The element the script tag asks for, with the facade launcher in its shadow root (bubble mode only). */
function facade(tag: HTMLScriptElement): HTMLElement {
  const element = document.createElement('tiny-chat');
  for (const attribute of Array.from(tag.attributes)) {
    if (attribute.name.startsWith('data-')) element.setAttribute(attribute.name.slice(5), attribute.value);
  }
  const mode = element.getAttribute('mode');
  if (mode === null || mode === 'bubble') {
    const root = element.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.type = 'button';
    // Named in the widget's language, and at the side its launcher will take (bottom-left right to left).
    const { name, dir } = facadeLocale(element.getAttribute('locale'), navigator.languages ?? []);
    button.setAttribute('aria-label', name);
    button.dir = dir;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('part', 'launcher');
    // The launcher's chat icon (src/view/icons.tsx) as a clipped box: the same shape without an SVG element,
    // whose first use costs a page about half a millisecond before the launcher can show.
    button.append(document.createElement('i'));
    // Clicked before the widget has loaded: it opens as soon as it has (the queue runs in order).
    button.addEventListener('click', () => {
      button.setAttribute('aria-busy', 'true');
      w.TinyChat?.('open');
      start();
    });
    root.append(button);
  }
  return element;
}

let element: HTMLElement | null = null;
const place = () => {
  if (script?.dataset.apiKey === undefined || customElements.get('tiny-chat') !== undefined) return;
  element = facade(script);
  document.body.append(element);
};
if (document.body === null) document.addEventListener('DOMContentLoaded', place, { once: true });
else place();

// The widget itself waits for the page's load event, so a third-party chat never delays the site's own load,
// and then for the next frame, so the facade launcher is painted before the widget's first task runs; a click on
// the facade, or 3 s of a page still loading, starts it sooner (a background tab, which runs no frames, too).
// What to import: the build (scripts/build.ts) names the widget's chunk and its `boot` export when the script entry
// only re-exports it, saving a request; `tinychat.script.mjs` otherwise.
declare const __TINYCHAT_ENTRY__: string | undefined;
declare const __TINYCHAT_BOOT__: string | undefined;
const entry = typeof __TINYCHAT_ENTRY__ === 'string' ? __TINYCHAT_ENTRY__ : './tinychat.script.mjs';
const bootName = typeof __TINYCHAT_BOOT__ === 'string' ? __TINYCHAT_BOOT__ : 'boot';
type Boot = (script: HTMLScriptElement | null, element: HTMLElement | null) => void;
let started = false;
const start = () => {
  if (started) return;
  started = true;
  import(/* @vite-ignore */ new URL(entry, base).href)
    // The module's evaluation is one task and the widget's start another: on a slow phone the two together
    // would be one long task (Lighthouse's Total Blocking Time).
    .then((m: Record<string, Boot | undefined>) => setTimeout(() => (m[bootName] as Boot)(script, element)))
    .catch((error: unknown) => console.error('TinyChat: the widget could not load.', error));
};
if (document.readyState === 'complete') start();
else {
  addEventListener('load', () => requestAnimationFrame(() => setTimeout(start)), { once: true });
  setTimeout(start, 3000);
}
