import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type RunningServer } from '../server/createServer.ts';
import { launchChromium } from '../test/browser/helpers/chromium.ts';
import { percentile, writeSection } from './writeSection.ts';

// Issue 4 budgets for the widget as a page gets it from the script tag.
const BUDGET = { firstScriptKb: 15, allCodeKb: 45, clickableOverBlankMs: 25, openMs: 150, longTaskMs: 50, nodes: 2000, heapMb: 10 };
const RUNS = 15;
const MESSAGES = 5000;
const KEY = 'pk_test_demo';
const BENCH_USER = 'bench_user';
const BENCH_REF = 'bench-5000';

const host = (script: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><main><h1>Acme Logistics</h1><p>Freight that shows up.</p></main>${script}</body></html>`;
// The widget's host, set when the bench starts: the site's pages live on another origin, as on a real site.
let widgetHost = '';
const SCRIPT_TAG = (attrs: string) => `<script src="${widgetHost}/dist/tinychat.js" data-api-key="${KEY}" ${attrs} async></script>`;

interface Row {
  what: string;
  figure: string;
  budget: string;
  pass: boolean;
}

// The site's pages, served by a plain HTTP server of their own. Not `page.route`: with any route set,
// Playwright intercepts every request of the page, which would slow the widget's files and not the blank page's.
const sitePages = new Map<string, string>();
async function startSite(): Promise<{ url: string; close(): Promise<void> }> {
  const site = createHttpServer((req, res) => {
    if (req.url === '/floor.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
      res.end('0');
      return;
    }
    const html = sitePages.get(new URL(req.url ?? '/', 'http://site').pathname);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  };
}
let siteUrl = '';
// The floor: a 1-byte script from another origin (127.0.0.1 while the pages are on localhost), like the widget's.
let floorScriptUrl = '';

/** Serves `html` at `path` on the site's origin, so the page loads the widget exactly as a site would. */
async function hostPage(_page: Page, path: string, html: string): Promise<void> {
  sitePages.set(path, html);
}

const gz = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** (a) Bytes, from the network log: the first script, then every widget file after a thread is opened and used. */
async function measureBytes(browser: Browser, server: RunningServer): Promise<{ rows: Row[]; files: string[] }> {
  const context = await browser.newContext({ baseURL: siteUrl });
  const page = await context.newPage();
  const code = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname));
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.startsWith('/dist/')) return;
    pending.push(res.body().then((body) => void code.set(path, gz(body))));
  });
  await hostPage(page, '/bytes.html', host(SCRIPT_TAG(`data-user-id="bytes_user"`)));
  // Realtime joins once a thread is open; its code is loaded before its socket opens.
  const socket = page.waitForEvent('websocket', { timeout: 30_000 }).catch(() => null);
  await page.goto('/bytes.html');
  await page.getByRole('button', { name: /^Open chat/ }).click();
  const box = page.getByRole('textbox', { name: 'Message', exact: true });
  const newConversation = page.getByRole('button', { name: 'New conversation' });
  await box.or(newConversation).first().waitFor();
  if (!(await box.isVisible())) await newConversation.click();
  await box.fill('Counting bytes');
  await box.press('Enter');
  await page.locator('[data-status="sent"]', { hasText: 'Counting bytes' }).waitFor();
  await socket;
  await Promise.all(pending);
  await context.close();
  const first = code.get('/dist/tinychat.js') ?? Number.NaN;
  const all = [...code.values()].reduce((a, b) => a + b, 0);
  const files = [...code].map(([path, size]) => `\`${path}\` ${kb(size)}`);
  return {
    rows: [
      { what: 'First script (`tinychat.js`, gzip)', figure: kb(first), budget: `≤ ${BUDGET.firstScriptKb} KB`, pass: first <= BUDGET.firstScriptKb * 1024 },
      {
        what: `All widget code after opening a thread and sending (gzip, ${code.size} files${sockets.length ? ', realtime socket open' : ', no realtime socket seen'})`,
        figure: kb(all),
        budget: `≤ ${BUDGET.allCodeKb} KB`,
        pass: all <= BUDGET.allCodeKb * 1024,
      },
    ],
    files,
  };
}

/** Runs in the page from its first byte: the moment the launcher is on screen and a click would reach it. */
const WATCH_LAUNCHER = () => {
  const w = window as unknown as { __clickableAt?: number };
  const tick = () => {
    const host = document.querySelector('tiny-chat');
    const root = host?.shadowRoot;
    const button = root ? [...root.querySelectorAll('button')].find((b) => /^Open chat/.test(b.getAttribute('aria-label') ?? b.textContent ?? '')) : undefined;
    if (button && root) {
      const box = button.getBoundingClientRect();
      const hit = box.width > 0 && box.height > 0 ? root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) : null;
      if (hit && (hit === button || button.contains(hit))) {
        w.__clickableAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** (b) Navigation start to a clickable launcher, against the same page without the widget, alternating runs. */
async function measureClickable(browser: Browser, server: RunningServer): Promise<Row[]> {
  const blank: number[] = [];
  const floor: number[] = [];
  const withWidgetLoad: number[] = [];
  const clickable: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const variant of ['blank', 'floor', 'widget'] as const) {
      const context = await browser.newContext({ baseURL: siteUrl });
      const page = await context.newPage();
      const body =
        variant === 'widget'
          ? SCRIPT_TAG(`data-user-id="load_user_${i}"`)
          : variant === 'floor'
            ? `<script src="${floorScriptUrl}" async></script>`
            : '';
      await hostPage(page, '/load.html', host(body));
      // tsx (esbuild keepNames) wraps inner functions in `__name(...)`, which the page does not have.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.addInitScript(WATCH_LAUNCHER);
      await page.goto('/load.html', { waitUntil: 'load' });
      const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
      if (variant === 'widget') {
        await page.waitForFunction(() => (window as unknown as { __clickableAt?: number }).__clickableAt !== undefined, null, { timeout: 30_000 });
        clickable.push(await page.evaluate(() => (window as unknown as { __clickableAt: number }).__clickableAt));
        withWidgetLoad.push(load);
      } else if (variant === 'floor') floor.push(load);
      else blank.push(load);
      await context.close();
    }
  }
  const median = (v: number[]) => percentile(v, 50);
  const over = median(clickable) - median(blank);
  return [
    { what: `Blank page: load event (median of ${RUNS})`, figure: `${median(blank).toFixed(1)} ms`, budget: 'reference', pass: true },
    {
      what: 'Same page with a 1-byte async script from another origin: load event (what any script tag costs here)',
      figure: `${median(floor).toFixed(1)} ms (+${(median(floor) - median(blank)).toFixed(1)})`,
      budget: 'reference',
      pass: true,
    },
    { what: 'Same page with the script tag: load event', figure: `${median(withWidgetLoad).toFixed(1)} ms`, budget: 'reference', pass: true },
    {
      what: 'Same page: launcher on screen and clickable',
      figure: `${median(clickable).toFixed(1)} ms (p90 ${percentile(clickable, 90).toFixed(1)})`,
      budget: 'reference',
      pass: true,
    },
    { what: 'Launcher clickable, over the blank page’s load', figure: `+${over.toFixed(1)} ms`, budget: `≤ +${BUDGET.clickableOverBlankMs} ms`, pass: over <= BUDGET.clickableOverBlankMs },
  ];
}

/** Puts a 5,000-message thread in the database: the conversation by REST (its real shape), the messages in bulk SQL. */
async function seedLongThread(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/v1/conversations`, {
    method: 'POST',
    headers: { 'x-tinychat-api-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'support', external_ref: BENCH_REF, participants: [BENCH_USER, 'support'] }),
  });
  if (!res.ok) throw new Error(`creating the bench conversation: ${res.status} ${await res.text()}`);
  const { conversation } = (await res.json()) as { conversation: { id: string } };
  await server.db.query(
    `insert into messages (id, conversation_id, sender_id, body, message_type, created_at)
     select 'm_bench_' || i, $1, case when i % 3 = 0 then $2 else 'support' end,
            'Message number ' || i || ': parcel ACME-' || (100000000 + i) || ' is ' ||
              (array['at the depot', 'on the van', 'delayed by weather', 'delivered'])[1 + i % 4] || '.',
            'text', timestamptz '2026-01-01T00:00:00Z' + i * interval '1 second'
     from generate_series(1, $3::int) as i`,
    [conversation.id, BENCH_USER, MESSAGES],
  );
  await server.db.query(`update conversations set last_at = $2, last_message = $3 where id = $1`, [
    conversation.id,
    new Date(Date.UTC(2026, 0, 1) + MESSAGES * 1000).toISOString(),
    `Message number ${MESSAGES}`,
  ]);
  return conversation.id;
}

interface Shot {
  nodes: number;
  heapMb: number;
}

/** Elements inside the widget's shadow root, nested shadow roots included; and the JS heap after a GC. */
async function snapshot(page: Page, context: BrowserContext): Promise<Shot> {
  const nodes = await page.evaluate(() => {
    const count = (root: ShadowRoot | Element): number =>
      [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
    const root = document.querySelector('tiny-chat')?.shadowRoot;
    return root ? count(root) : 0;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  await cdp.detach();
  return { nodes, heapMb: heap / 2 ** 20 };
}

/** (c) Opening the 5,000-message thread, then scrolling back through all of it. */
async function measureLongThread(browser: Browser, server: RunningServer): Promise<{ rows: Row[]; notes: string[] }> {
  await seedLongThread(server);
  const context = await browser.newContext({ baseURL: siteUrl });
  const page = await context.newPage();
  await hostPage(page, '/long.html', host(SCRIPT_TAG(`data-user-id="${BENCH_USER}" data-external-ref="${BENCH_REF}"`)));
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/long.html', { waitUntil: 'load' });
  await page.getByRole('button', { name: /^Open chat/ }).waitFor();
  // A person clicks a widget that has loaded and settled (the launcher is a facade until then): wait for the
  // element's store to be ready and the network to go quiet, as it does a moment after any page load.
  await page.waitForFunction(() => (document.querySelector('tiny-chat') as unknown as { store?: { status: { value: string } } } | null)?.store?.status.value === 'ready');
  await page.waitForLoadState('networkidle');
  const openMs = await page.evaluate(
    (last) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector('tiny-chat')?.shadowRoot;
        const button = root && [...root.querySelectorAll('button')].find((b) => /^Open chat/.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
        if (!root || !button) return reject(new Error('no launcher'));
        (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
        const t0 = performance.now();
        button.click();
        // Open means: the newest message is painted in the log.
        const tick = () => {
          const log = root.querySelector('[role="log"]');
          if (log && [...log.querySelectorAll('[data-message-id]')].some((m) => m.textContent?.includes(last))) resolve(performance.now() - t0);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    `Message number ${MESSAGES}:`,
  );
  const openTasks = await page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]);
  const atOpen = await snapshot(page, context);

  // Scroll back to the very first message, a page at a time, as far as the widget lets a person go.
  const scroll = await page.evaluate(async (first) => {
    const root = document.querySelector('tiny-chat')?.shadowRoot;
    const log = root?.querySelector<HTMLElement>('[role="log"]');
    if (!root || !log) return { reached: false, steps: 0, ms: 0 };
    const scroller = (() => {
      for (let el: HTMLElement | null = log; el; el = el.parentElement) if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible') return el;
      return log;
    })();
    const t0 = performance.now();
    const has = () => [...log.querySelectorAll('[data-message-id]')].some((m) => m.textContent?.includes(first));
    let steps = 0;
    let idle = 0;
    while (!has() && idle < 150) {
      const before = log.querySelector('[data-message-id]')?.getAttribute('data-message-id');
      scroller.scrollTop = 0;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      const after = log.querySelector('[data-message-id]')?.getAttribute('data-message-id');
      if (after !== before) {
        steps++;
        idle = 0;
      } else idle++;
    }
    return { reached: has(), steps, ms: performance.now() - t0 };
  }, 'Message number 1:');
  const allTasks = await page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]);
  const afterScroll = await snapshot(page, context);
  await context.close();

  const longest = (v: number[]) => (v.length ? Math.max(...v) : 0);
  const notes = [
    scroll.reached
      ? `Scrolling back reached message 1 after ${scroll.steps} loads in ${(scroll.ms / 1000).toFixed(1)} s.`
      : `Scrolling back did **not** reach message 1 (${scroll.steps} loads before the list stopped growing for 150 frames).`,
  ];
  return {
    notes,
    rows: [
      { what: `Open the ${MESSAGES.toLocaleString("en")}-message thread (click on the settled widget to newest message painted)`, figure: `${openMs.toFixed(1)} ms`, budget: `≤ ${BUDGET.openMs} ms`, pass: openMs <= BUDGET.openMs },
      { what: 'Longest task while opening', figure: `${longest(openTasks).toFixed(0)} ms (${openTasks.length} long tasks)`, budget: `none > ${BUDGET.longTaskMs} ms`, pass: openTasks.length === 0 },
      { what: 'Elements in the shadow root, thread open', figure: String(atOpen.nodes), budget: `≤ ${BUDGET.nodes}`, pass: atOpen.nodes <= BUDGET.nodes },
      { what: 'JS heap after GC, thread open', figure: `${atOpen.heapMb.toFixed(1)} MB`, budget: `≤ ${BUDGET.heapMb} MB`, pass: atOpen.heapMb <= BUDGET.heapMb },
      { what: 'Longest task, whole run (load, open, scroll back)', figure: `${longest(allTasks).toFixed(0)} ms (${allTasks.length} long tasks)`, budget: `none > ${BUDGET.longTaskMs} ms`, pass: allTasks.length === 0 },
      { what: 'Elements in the shadow root, after scrolling back through all', figure: String(afterScroll.nodes), budget: `≤ ${BUDGET.nodes}`, pass: afterScroll.nodes <= BUDGET.nodes },
      { what: 'JS heap after GC, after scrolling back through all', figure: `${afterScroll.heapMb.toFixed(1)} MB`, budget: `≤ ${BUDGET.heapMb} MB`, pass: afterScroll.heapMb <= BUDGET.heapMb },
    ],
  };
}

const table = (rows: Row[]) =>
  ['| measure | figure | budget | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.what} | ${r.figure} | ${r.budget} | ${r.pass ? 'pass' : '**FAIL**'} |`)].join('\n');

/** `npm run bench widget`: the widget's weight, its time to a clickable launcher, and a 5,000-message thread. */
export default async function widgetBench(): Promise<void> {
  if (!existsSync(new URL('../dist/tinychat.js', import.meta.url))) throw new Error('dist/tinychat.js is missing: run `npm run build` first');
  const server = await createServer({ port: 0, memory: true });
  widgetHost = server.url;
  const site = await startSite();
  siteUrl = site.url;
  floorScriptUrl = `${site.url.replace('localhost', '127.0.0.1')}/floor.js`;
  const browser = await launchChromium();
  try {
    const bytes = await measureBytes(browser, server);
    console.log(table(bytes.rows));
    const clickable = await measureClickable(browser, server);
    console.log(table(clickable));
    const long = await measureLongThread(browser, server);
    console.log(table(long.rows));
    await writeSection(
      'widget',
      `## Widget (issue 4)

Headless Debian Chromium against the local server (in-memory PGlite), both started by the bench. As on a real
site, the host pages come from their own origin (a plain HTTP server on \`localhost\`) and the widget from the
TinyChat host on another (\`127.0.0.1\`), so its API calls pay CORS preflights. Bytes are the network log's response
bodies, gzip level 9. Times are measured inside the page (\`performance.now()\` from navigation start,
\`requestAnimationFrame\` and \`elementFromPoint\` for "on screen and clickable"); the blank page is the same host page
without the script tag, and the floor is the same page with a 1-byte async script from another origin, run
alternately, a fresh context each run.

The launcher is on screen as soon as \`tinychat.js\` (1.2 KB) has run: it draws a facade launcher (a real button; a
click is queued as \`open\`) and starts the widget's modules after the page's \`load\` event, so the widget never
delays the site's load. The thread is opened by a click on the settled widget (ready, network quiet): while closed,
the widget has already loaded the pinned conversation's first page.

**Bytes**

${table(bytes.rows)}

Files: ${bytes.files.join(', ')}.

Over budget: the widget's own chunk (Preact, signals, state, transport, every view of issue 4 and 6 with English)
is about 35 KB and \`RealtimeClient\` alone about 16 KB. Languages other than English (1.3-1.5 KB each) and the
agent (9 KB) are chunks of their own that only the visitors who need them load. Not yet tried: making the
image dialog, the message editor and uploads lazy chunks too (about 2 KB), and a leaner build of realtime-js.

**Launcher on screen and clickable** (${RUNS} runs each)

${table(clickable)}

**A ${MESSAGES.toLocaleString('en')}-message thread** (seeded in the database, opened with \`external-ref\`)

${table(long.rows)}

${long.notes.join(' ')}`,
    );
  } finally {
    await browser.close();
    await site.close();
    await server.close();
  }
}
