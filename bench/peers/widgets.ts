// The widgets under test, each as host pages that expose the same small in-page interface (`window.__bench`).
import { readFileSync } from 'node:fs';
import { HISTORY } from './content.ts';

export type WidgetId = 'tinychat' | 'deep-chat' | 'nlux';
export type Scenario = 'load' | 'stream' | 'history';

export interface Widget {
  id: WidgetId;
  /** Package name and version, as installed. */
  label: string;
  version: string;
  /** The script a page includes (path on the bench origin); its gzip size is "first script". */
  firstScript: string;
  /** What "clickable" waits for. */
  target: string;
  /** Host page for a scenario; `origin` is the bench server's. */
  page(scenario: Scenario, origin: string): string;
}

/** Ours: the API key, user and thread that bench/peers.bench.ts seeds (the same as bench/widget.bench.ts). */
export const OURS = { key: 'pk_test_demo', botId: 'demo-bot', historyUser: 'bench_user', historyRef: 'bench-5000' } as const;

/** Same host page for everyone (the one bench/widget.bench.ts uses); `head` and `body` add the widget. */
const host = (head: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title>
<script>${PAGE_HELPERS}</script>${head}</head>
<body><main><h1>Acme Logistics</h1><p>Freight that shows up.</p></main>${body}</body></html>`;

export const blankPage = (): string => host('', '');

/**
 * In every host page (blank too): text and element counts that cross shadow roots, a rAF wait, and the history
 * generator (the same words as content.ts `historyText`; the visitor writes every third message).
 */
const PAGE_HELPERS = `
window.__deepText = (root) => { let s = ''; const walk = (n) => { for (const c of n.childNodes) { if (c.nodeType === 3) s += c.data; else if (c.nodeType === 1) { if (c.shadowRoot) walk(c.shadowRoot); walk(c); } } }; if (root) walk(root); return s; };
window.__countElements = (root) => { let n = 0; const walk = (r) => { for (const el of r.querySelectorAll('*')) { n++; if (el.shadowRoot) walk(el.shadowRoot); } }; if (root) walk(root); return n; };
window.__frame = () => new Promise((r) => requestAnimationFrame(() => r()));
window.__history = (n, make) => { const out = []; const where = ['at the depot', 'on the van', 'delayed by weather', 'delivered']; for (let i = 1; i <= n; i++) out.push(make(i % 3 === 0, 'Message number ' + i + ': parcel ACME-' + (100000000 + i) + ' is ' + where[i % 4] + '.')); return out; };
/** Resolves with ms from t0 once text is in the widget's DOM, checked once a frame (the frame after it painted). */
window.__until = (t0, text) => new Promise((resolve) => { const tick = () => { if (window.__deepText(window.__bench.container()).includes(text)) requestAnimationFrame(() => resolve(performance.now() - t0)); else requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
`;

const version = (pkg: string): string => (JSON.parse(readFileSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
const ourVersion = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const LAST_HISTORY = `Message number ${HISTORY}:`;

/** tinychat-widget, from the script tag exactly as bench/widget.bench.ts loads it. */
const tinychat: Widget = {
  id: 'tinychat',
  label: 'tinychat-widget (ours)',
  version: ourVersion(),
  firstScript: '/dist/tinychat.js',
  target: 'launcher button',
  page(scenario, origin) {
    const attrs =
      scenario === 'history'
        ? `data-user-id="${OURS.historyUser}" data-external-ref="${OURS.historyRef}"`
        : `data-user-id="peers_${scenario}_${Math.random().toString(36).slice(2, 8)}"${scenario === 'stream' ? ` data-bot-id="${OURS.botId}" data-agent-url="${origin}"` : ''}`;
    return host(
      `<script>
window.__bench = {
  container: () => document.querySelector('tiny-chat')?.shadowRoot ?? null,
  launcher() { const root = this.container(); return root ? [...root.querySelectorAll('button')].find((b) => /^Open chat/.test(b.getAttribute('aria-label') ?? b.textContent ?? '')) ?? null : null; },
  probe() { const root = this.container(); const target = this.launcher(); return root && target ? { root, target } : null; },
  async prepare() {
    // Through the command queue: it works whether or not the loader's facade has been upgraded yet.
    window.TinyChat('open');
    let asked = false;
    for (let i = 0; i < 600; i++) {
      const root = document.querySelector('tiny-chat')?.shadowRoot;
      if (root?.querySelector('[aria-label="Message"], textarea')) return;
      const start = root && [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'New conversation');
      if (start && !asked) { start.click(); asked = true; }
      await window.__frame();
    }
    throw new Error('the message box did not appear');
  },
  send(text) { window.TinyChat('send', text); },
  /** Click the launcher (and, while the widget opens on its conversation list, the thread in it) until the newest message row is painted. */
  open(last) {
    const root = this.container();
    const t0 = performance.now();
    this.launcher().click();
    let picked = false;
    return new Promise((resolve) => {
      const tick = () => {
        if ([...root.querySelectorAll('[data-message-id]')].some((m) => m.textContent?.includes(last))) return requestAnimationFrame(() => resolve(performance.now() - t0));
        const item = !picked && root.querySelector('[role="list"][aria-label="Conversations"] button');
        if (item) { item.click(); picked = true; }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  },
};
</script>`,
      `<script src="/dist/tinychat.js" data-api-key="${OURS.key}" ${attrs} async></script>`,
    );
  },
};

/** deep-chat: its browser bundle as a module script and the element with JSON attributes, as its docs show. */
const deepChat: Widget = {
  id: 'deep-chat',
  label: 'deep-chat',
  version: version('deep-chat'),
  firstScript: '/nm/deep-chat/deepChat.bundle.js',
  target: 'message input',
  page(scenario) {
    const attrs = `connect='{"url":"/sse/deep-chat","stream":true}' chatStyle='{"width":"380px","height":"560px"}'`;
    return host(
      `<script>
window.__bench = {
  container: () => document.querySelector('deep-chat')?.shadowRoot ?? null,
  probe() { const root = this.container(); const target = root?.getElementById('text-input'); return root && target ? { root, target } : null; },
  prepare() {},
  send(text) { document.querySelector('deep-chat').submitUserMessage({ text }); },
  prepareHistory() { this.data = window.__history(${HISTORY}, (visitor, text) => ({ role: visitor ? 'user' : 'ai', text })); },
  async open(last) {
    await customElements.whenDefined('deep-chat');
    const history = this.data;
    const t0 = performance.now();
    const el = document.createElement('deep-chat');
    el.setAttribute('connect', '{"url":"/sse/deep-chat","stream":true}');
    el.setAttribute('chatStyle', '{"width":"380px","height":"560px"}');
    el.history = history;
    document.body.append(el);
    return window.__until(t0, last);
  },
};
</script><script type="module" src="/nm/deep-chat/deepChat.bundle.js"></script>`,
      scenario === 'history' ? '' : `<deep-chat ${attrs}></deep-chat>`,
    );
  },
};

/**
 * nlux (@nlux/core, vanilla JS) with its Nova theme. It has no fetch-based adapter of its own for a plain SSE
 * endpoint, so the page gives it the custom streaming adapter its docs describe (fetch, split events, `next(token)`).
 * Its default typing animation (10 ms a character) would spread a 2,000-token reply over minutes, so it is off
 * (`skipStreamingAnimation`), as for the others, which show tokens as they arrive.
 */
const nlux: Widget = {
  id: 'nlux',
  label: '@nlux/core + @nlux/themes',
  version: version('@nlux/core'),
  firstScript: '/nm/@nlux/core/nlux-core.js',
  target: 'message input',
  page(scenario) {
    return host(
      `<link rel="stylesheet" href="/nm/@nlux/themes/nova.css"><script>
window.__bench = {
  container: () => document.getElementById('chat'),
  probe() { const target = document.querySelector('#chat textarea'); return target ? { root: document, target } : null; },
  prepare() {},
  send(text) {
    const box = document.querySelector('#chat textarea');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  },
  prepareHistory() { this.data = window.__history(${HISTORY}, (visitor, text) => ({ role: visitor ? 'user' : 'assistant', message: text })); },
  async open(last) {
    while (!window.__nlux) await window.__frame();
    const history = this.data;
    const t0 = performance.now();
    window.__nlux(history);
    return window.__until(t0, last);
  },
};
</script>`,
      `<div id="chat"></div><script type="module">
import { createAiChat } from '/nm/@nlux/core/nlux-core.js';
const adapter = {
  async streamText(message, observer) {
    const res = await fetch('/sse/openai', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: message }] }) });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let end = buffer.indexOf('\\n\\n'); end >= 0; end = buffer.indexOf('\\n\\n')) {
        const data = buffer.slice(0, end).split('\\n').find((line) => line.startsWith('data: '))?.slice(6);
        buffer = buffer.slice(end + 2);
        if (!data || data === '[DONE]') continue;
        const token = JSON.parse(data).choices?.[0]?.delta?.content;
        if (token) observer.next(token);
      }
    }
    observer.complete();
  },
};
const make = (history) => {
  let chat = createAiChat().withAdapter(adapter).withDisplayOptions({ width: 380, height: 560, themeId: 'nova', colorScheme: 'light' }).withMessageOptions({ skipStreamingAnimation: true });
  if (history) chat = chat.withInitialConversation(history);
  chat.mount(document.getElementById('chat'));
};
${scenario === 'history' ? 'window.__nlux = make;' : 'make();'}
</script>`,
    );
  },
};

export const WIDGETS: readonly Widget[] = [tinychat, deepChat, nlux];

/** Where bench/peers.bench.ts serves the bundle of bench/peers/oursAgentPage.tsx. */
export const OURS_AGENT_SCRIPT = '/bench/ours-agent.js';

/** The host page with our agent reply path alone (see oursAgentPage.tsx), for the stream runs. */
export const oursAgentPage = (): string => host('', `<script type="module" src="${OURS_AGENT_SCRIPT}"></script>`);
export { LAST_HISTORY };
