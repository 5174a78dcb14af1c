// One run of each kind, on a fresh browser context: load, stream, history.
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HISTORY, LAST_TOKEN } from './content.ts';
import type { PeerServer } from './server.ts';
import { blankPage, LAST_HISTORY, type Scenario, type Widget } from './widgets.ts';

/** What the host pages and the init script put on `window`. */
interface PageGlobals {
  __clickableAt?: number;
  __longTasks: number[];
  __bench: {
    prepare(): Promise<void> | void;
    send(text: string): void;
    prepareHistory?(): void;
    open(last: string): Promise<number>;
    container(): ParentNode | null;
  };
  __until(t0: number, text: string): Promise<number>;
  __countElements(root: ParentNode | null): number;
}

export const VIEWPORT = { width: 1280, height: 720 };

/**
 * Runs in every page from its first byte: collects long tasks, and polls once a frame for the widget's target
 * (launcher or message input) to be on screen with a hit test on its centre reaching it, as bench/widget.bench.ts does.
 * A string, not a function: tsx wraps nested arrow functions in `__name()`, which does not exist in the page.
 */
const INIT = `(() => {
  const w = window;
  w.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  const tick = () => {
    const found = w.__bench?.probe();
    if (found) {
      const box = found.target.getBoundingClientRect();
      const hit = box.width > 0 && box.height > 0 ? found.root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) : null;
      if (hit && (hit === found.target || found.target.contains(hit))) {
        w.__clickableAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const gz = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Gzip sizes of the widget's files (everything under /dist/ or /nm/) as the page receives them. */
function recordFiles(page: Page): { files: Map<string, number>; outside: Set<string>; settle(): Promise<void> } {
  const files = new Map<string, number>();
  const outside = new Set<string>();
  const pending: Promise<void>[] = [];
  // Anything off the loopback origin fails by the browser's resolver rules; note what a widget asked for.
  page.on('requestfailed', (req) => {
    const url = new URL(req.url());
    if (url.hostname !== '127.0.0.1') outside.add(url.hostname);
  });
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.startsWith('/dist/') && !path.startsWith('/nm/')) return;
    pending.push(
      res.body().then(
        (body) => void files.set(path, gz(body)),
        () => undefined,
      ),
    );
  });
  return { files, outside, settle: async () => void (await Promise.all(pending)) };
}

async function open(browser: Browser, server: PeerServer, path: string, html: string): Promise<{ context: BrowserContext; page: Page }> {
  server.pages.set(path, html);
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.url });
  const page = await context.newPage();
  await page.addInitScript({ content: INIT });
  return { context, page };
}

async function metrics(context: BrowserContext, page: Page, gc: boolean): Promise<Map<string, number>> {
  const cdp = await context.newCDPSession(page);
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return new Map(list.map((m) => [m.name, m.value]));
}

const heapMb = (m: Map<string, number>) => (m.get('JSHeapUsedSize') ?? Number.NaN) / 2 ** 20;

const pathFor = (w: Widget | null, scenario: Scenario) => `/${w?.id ?? 'blank'}/${scenario}.html`;

export interface LoadRun {
  load: number;
  clickable: number;
  /** When the last widget file that had arrived before `clickable` finished arriving (ms from navigation start). */
  filesDone: number;
  heapMb: number;
  files: Map<string, number>;
  /** Hosts off the loopback origin the page tried to load from (blocked here). */
  outside: Set<string>;
}

/** Navigation start → load event and → target clickable; then the JS heap after a GC once the network is idle. */
export async function loadRun(browser: Browser, server: PeerServer, w: Widget | null): Promise<LoadRun> {
  const path = pathFor(w, 'load');
  const { context, page } = await open(browser, server, path, w ? w.page('load', server.url) : blankPage());
  try {
    const log = recordFiles(page);
    await page.goto(path, { waitUntil: 'load' });
    const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    let clickable = Number.NaN;
    let filesDone = Number.NaN;
    if (w) {
      await page.waitForFunction(() => (window as unknown as PageGlobals).__clickableAt !== undefined, null, { timeout: 30_000 });
      clickable = await page.evaluate(() => (window as unknown as PageGlobals).__clickableAt as number);
      // The last of the widget's files that had arrived by then: the rest of the wait is parsing, running and drawing.
      filesDone = await page.evaluate(
        (at) =>
          Math.max(
            0,
            ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
              .filter((e) => /\/(dist|nm)\//.test(new URL(e.name).pathname) && e.responseEnd <= at)
              .map((e) => e.responseEnd),
          ),
        clickable,
      );
    }
    await page.waitForLoadState('networkidle');
    await log.settle();
    return { load, clickable, filesDone, heapMb: heapMb(await metrics(context, page, true)), files: log.files, outside: log.outside };
  } finally {
    await context.close();
  }
}

export interface StreamRun {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  longestMs: number;
  longTasks: number;
  /** From the server writing the last token to the bench seeing it in the DOM, a frame later (one CDP round trip included). */
  lagMs: number;
  windowMs: number;
  /** CPU time of every renderer process over the same window: all its threads (main, workers, compositor, raster). */
  rendererCpuMs: number;
  /** Profiled runs only: JavaScript and garbage-collection time from a sampling profile of the same window. */
  jsMs: number;
  gcMs: number;
  elements: number;
  files: Map<string, number>;
}

/**
 * The widget on screen (ours opened), then a visitor message whose reply streams in: CDP task, script and
 * style+layout time from just before the send until the last token is in the DOM and one more frame has passed.
 */
export async function streamRun(browser: Browser, server: PeerServer, w: Widget, html = w.page('stream', server.url), profile = false): Promise<StreamRun> {
  const path = pathFor(w, 'stream');
  const { context, page } = await open(browser, server, path, html);
  try {
    const log = recordFiles(page);
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as PageGlobals).__clickableAt !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as PageGlobals).__bench.prepare());
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = once(server.streams, 'start', { signal: AbortSignal.timeout(15_000) });
    const ended = once(server.streams, 'end', { signal: AbortSignal.timeout(60_000) });
    started.catch(() => undefined);
    ended.catch(() => undefined);
    await page.evaluate(() => void ((window as unknown as PageGlobals).__longTasks.length = 0));
    const before = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const cpuBefore = await rendererCpu(browser);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    await page.evaluate(() => (window as unknown as PageGlobals).__bench.send('Where is my parcel?'));
    await started.catch(() => {
      throw new Error('no reply stream was asked for within 15 s of sending');
    });
    const [endedAt] = (await ended) as [number];
    await withTimeout(
      page.evaluate((last) => (window as unknown as PageGlobals).__until(performance.now(), last), LAST_TOKEN),
      180_000,
      'the last token never reached the DOM',
    );
    const lagMs = performance.now() - endedAt;
    const after = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const cpuAfter = await rendererCpu(browser);
    const windowMs = Date.now() - t0;
    const sampled = profile ? splitProfile((await cdp.send('Profiler.stop')).profile) : { jsMs: Number.NaN, gcMs: Number.NaN };
    await cdp.detach();
    const longTasks = await page.evaluate(() => [...(window as unknown as PageGlobals).__longTasks]);
    const elements = await page.evaluate(() => (window as unknown as PageGlobals).__countElements((window as unknown as PageGlobals).__bench.container()));
    await log.settle();
    const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
    return {
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration'),
      longestMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
      lagMs,
      windowMs,
      rendererCpuMs: [...cpuAfter].reduce((sum, [id, ms]) => sum + ms - (cpuBefore.get(id) ?? 0), 0),
      ...sampled,
      elements,
      files: log.files,
    };
  } finally {
    await context.close();
  }
}

/**
 * Cumulative CPU time (ms) of each renderer process, from the browser's own process metrics: what the visitor's
 * machine spends on all the page's threads, where CDP's Performance metrics see the main thread only.
 */
async function rendererCpu(browser: Browser): Promise<Map<number, number>> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime * 1000]));
  } finally {
    await cdp.detach();
  }
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Time in JavaScript (any page code, the widget's and its integration's) and in GC, from sample counts. CDP's
 * ScriptDuration misses script run from promise jobs (e.g. a fetch body being read), so it undercounts widgets that
 * render there; the profile sees all of it.
 */
function splitProfile(profile: Profile): { jsMs: number; gcMs: number } {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let js = 0;
  let gc = 0;
  for (let i = 0; i < samples.length; i++) {
    const name = names.get(samples[i] as number) ?? '';
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (name === '(garbage collector)') gc += ms;
    else if (name !== '(idle)' && name !== '(program)' && name !== '(root)') js += ms;
  }
  return { jsMs: js, gcMs: gc };
}

/**
 * Every file the widget loads by the time a visitor has opened it and sent a message (ours: a new conversation with
 * a person, which also brings realtime; the peers load everything up front, see their stream runs).
 */
export async function usageRun(browser: Browser, server: PeerServer, w: Widget): Promise<Map<string, number>> {
  const path = pathFor(w, 'load');
  const { context, page } = await open(browser, server, path, w.page('load', server.url));
  try {
    const log = recordFiles(page);
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as PageGlobals).__clickableAt !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as PageGlobals).__bench.prepare());
    await page.evaluate(() => (window as unknown as PageGlobals).__bench.send('Counting bytes'));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    await log.settle();
    return log.files;
  } finally {
    await context.close();
  }
}

export interface HistoryRun {
  openMs: number;
  longestMs: number;
  longTasks: number;
  elements: number;
  heapMb: number;
}

/**
 * Opening the 5,000-message thread until its newest message is in the DOM and a frame has passed: ours from a click
 * on the launcher (its first page comes from the server), the peers from creating them with the history in memory
 * (built before the clock starts). Long tasks count from the start of opening until 500 ms after it.
 */
export async function historyRun(browser: Browser, server: PeerServer, w: Widget): Promise<HistoryRun> {
  const path = pathFor(w, 'history');
  const { context, page } = await open(browser, server, path, w.page('history', server.url));
  try {
    await page.goto(path, { waitUntil: 'load' });
    if (w.id === 'tinychat') await page.waitForFunction(() => (window as unknown as PageGlobals).__clickableAt !== undefined, null, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => (window as unknown as PageGlobals).__bench.prepareHistory?.());
    await page.evaluate(() => void ((window as unknown as PageGlobals).__longTasks.length = 0));
    const openMs = await withTimeout(
      page.evaluate((last) => (window as unknown as PageGlobals).__bench.open(last), LAST_HISTORY),
      120_000,
      'the newest message never reached the DOM',
    );
    await page.waitForTimeout(500);
    const longTasks = await page.evaluate(() => [...(window as unknown as PageGlobals).__longTasks]);
    const elements = await page.evaluate(() => (window as unknown as PageGlobals).__countElements((window as unknown as PageGlobals).__bench.container()));
    return { openMs, longestMs: Math.max(0, ...longTasks), longTasks: longTasks.length, elements, heapMb: heapMb(await metrics(context, page, true)) };
  } finally {
    await context.close();
  }
}

export { HISTORY };
