import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright, type Browser } from 'playwright-core';
import { createServer, type RunningServer } from '../server/createServer.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/helpers/chromium.ts';
import { HISTORY, historyText, isVisitor, replyTokens, TOKEN_INTERVAL_MS, TOKENS } from './peers/content.ts';
import { build } from 'esbuild';
import { historyRun, loadRun, streamRun, usageRun, VIEWPORT, type HistoryRun, type LoadRun, type StreamRun } from './peers/measure.ts';
import { startPeerServer, type PeerServer } from './peers/server.ts';
import { OURS, OURS_AGENT_SCRIPT, oursAgentPage, WIDGETS, type Widget, type WidgetId } from './peers/widgets.ts';
import { workerUrlPlugin } from './workerUrlPlugin.ts';
import { percentile, writeSection } from './writeSection.ts';

// `npm run bench -- peers`: our widget next to other chat widgets on the same page, machine and run.
// PEERS_RUNS scales every run count down (e.g. PEERS_RUNS=1 for a quick look); PEERS_ONLY=deep-chat,nlux picks widgets.
const SCALE = Number(process.env.PEERS_RUNS ?? 0);
// Load runs take about a second, history openings one to five; a reply stream 5 s (ours) to a minute (nlux), so 3.
const RUNS = { load: SCALE || 11, stream: SCALE || 3, history: SCALE || 5 };
const ONLY = process.env.PEERS_ONLY?.split(',') as WidgetId[] | undefined;

/**
 * The test helper's Chromium and flags, plus resolver rules that fail every host but loopback at once: the peers
 * ask for web fonts from a public CDN, and nothing here may leave the machine (nor wait on a DNS time-out).
 */
const ARGS = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const median = (v: readonly number[]) =>
  percentile(
    v.filter((x) => !Number.isNaN(x)),
    50,
  );
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(0)} ms`);
const mb = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(1)} MB`);

/** The 5,000-message thread for our widget, in the database as bench/widget.bench.ts puts it. */
async function seedLongThread(server: RunningServer): Promise<void> {
  const res = await fetch(`${server.url}/v1/conversations`, {
    method: 'POST',
    headers: { 'x-tinychat-api-key': OURS.key, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'support', external_ref: OURS.historyRef, participants: [OURS.historyUser, 'support'] }),
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
    [conversation.id, OURS.historyUser, HISTORY],
  );
  await server.db.query(`update conversations set last_at = $2, last_message = $3 where id = $1`, [
    conversation.id,
    new Date(Date.UTC(2026, 0, 1) + HISTORY * 1000).toISOString(),
    historyText(HISTORY),
  ]);
  // The peers get the same words (content.ts, and the page's generator); check the seed agrees on a few messages.
  const rows = await server.db.query<{ body: string; sender_id: string }>(`select body, sender_id from messages where id = any($1) order by created_at`, [
    ['m_bench_1', 'm_bench_3', `m_bench_${HISTORY}`],
  ]);
  const expected = [1, 3, HISTORY].map((i) => ({ body: historyText(i), sender_id: isVisitor(i) ? OURS.historyUser : 'support' }));
  if (JSON.stringify(rows) !== JSON.stringify(expected)) throw new Error(`the seeded thread differs from content.ts: ${JSON.stringify(rows)}`);
}

/** The files of dist/chunks, or none before a build. */
function builtChunks(): string[] {
  const dir = fileURLToPath(new URL('../dist/chunks/', import.meta.url));
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** bench/peers/oursAgentPage.tsx, minified as the build minifies the widget. */
async function bundleOursAgent(): Promise<string> {
  const out = await build({
    entryPoints: [new URL('./peers/oursAgentPage.tsx', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The stream worker as built into dist/ (npm run build), where the bench serves the widget's files.
    plugins: [workerUrlPlugin(`/dist/chunks/${builtChunks().find((f) => /^sseWorker-.*\.js$/.test(f)) ?? 'sseWorker.js'}`)],
  });
  return out.outputFiles[0]?.text ?? '';
}

interface Results {
  load: Map<WidgetId | 'blank', LoadRun[]>;
  /** Our files after opening, starting a conversation and sending (the peers load all of theirs up front). */
  usage: Map<string, number> | undefined;
  /** How our stream runs were fed: through the widget's own agent, or our agent reply path alone. */
  oursStream: 'widget' | 'agent-only';
  stream: Map<WidgetId, StreamRun[]>;
  profiled: Map<WidgetId, StreamRun>;
  history: Map<WidgetId, HistoryRun[]>;
  failures: Map<string, string>;
}

/** Runs one measurement and keeps going when a widget cannot do it (the reason goes into the report). */
async function attempt<T>(results: Results, key: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (!results.failures.has(key)) console.log(`  ${key}: ${reason}`);
    results.failures.set(key, reason ?? 'failed');
    return undefined;
  }
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V | undefined) => {
  if (value !== undefined) map.set(key, [...(map.get(key) ?? []), value]);
};

/** Every kind of run, widgets interleaved within each round so drift on the shared machine hits all alike. */
async function measureAll(browser: Browser, server: PeerServer, widgets: readonly Widget[]): Promise<Results> {
  const results: Results = { load: new Map(), usage: undefined, oursStream: 'widget', stream: new Map(), profiled: new Map(), history: new Map(), failures: new Map() };
  for (let i = 0; i < RUNS.load; i++) {
    // Rotate the order each round.
    const order = [null, ...widgets].map((_, k, all) => all[(k + i) % all.length] ?? null);
    for (const w of order) push(results.load, w?.id ?? 'blank', await attempt(results, `load ${w?.id ?? 'blank'}`, () => loadRun(browser, server, w)));
  }
  console.log(`  load: ${RUNS.load} rounds`);
  const ours = widgets.find((w) => w.id === 'tinychat');
  if (ours) {
    results.usage = await attempt(results, 'bytes after use tinychat', () => usageRun(browser, server, ours));
    // Ours streams through its own agent once the widget sends to it; until then, through the agent reply path alone.
    const inWidget =
      process.env.PEERS_OURS_STREAM !== 'agent' &&
      (await streamRun(browser, server, ours).then(
        () => true,
        (e: unknown) => (console.log(`  stream tinychat in the widget: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}; using the agent reply path alone`), false),
      ));
    results.oursStream = inWidget ? 'widget' : 'agent-only';
  }
  for (let i = 0; i < RUNS.stream; i++)
    for (const w of widgets) {
      const html = w.id === 'tinychat' && results.oursStream === 'agent-only' ? oursAgentPage() : undefined;
      push(results.stream, w.id, await attempt(results, `stream ${w.id}`, () => streamRun(browser, server, w, html)));
    }
  // One more run each under the sampling profiler (it slows the page, so these runs give only the JS split).
  for (const w of widgets) {
    const html = w.id === 'tinychat' && results.oursStream === 'agent-only' ? oursAgentPage() : undefined;
    const run = await attempt(results, `profiled stream ${w.id}`, () => streamRun(browser, server, w, html, true));
    if (run) results.profiled.set(w.id, run);
  }
  console.log(`  stream: ${RUNS.stream} rounds and one profiled run`);
  for (let i = 0; i < RUNS.history; i++) for (const w of widgets) push(results.history, w.id, await attempt(results, `history ${w.id}`, () => historyRun(browser, server, w)));
  console.log(`  history: ${RUNS.history} rounds`);
  return results;
}

interface Row {
  measure: string;
  values: Map<WidgetId, number>;
  format: (v: number) => string;
  /** Lower is better for every row; ratios are ours ÷ peer. */
  ratio: boolean;
  /** Our own budget for this figure, if it has one. */
  budget?: number;
}

function rows(results: Results, widgets: readonly Widget[]): Row[] {
  const of = <R>(map: Map<WidgetId, R[]>, f: (r: R) => number) => new Map(widgets.map((w) => [w.id, median((map.get(w.id) ?? []).map(f))] as const));
  const blankLoad = median((results.load.get('blank') ?? []).map((r) => r.load));
  const load = results.load as Map<WidgetId, LoadRun[]>;
  const first = new Map(widgets.map((w) => [w.id, load.get(w.id)?.[0]?.files.get(w.firstScript) ?? Number.NaN] as const));
  const allFiles = (w: Widget) => {
    const files = new Map([...(load.get(w.id)?.[0]?.files ?? [])]);
    if (w.id === 'tinychat') for (const [p, b] of results.usage ?? []) files.set(p, b);
    if (w.id !== 'tinychat' || results.oursStream === 'widget') for (const run of results.stream.get(w.id) ?? []) for (const [p, b] of run.files) files.set(p, b);
    return files;
  };
  return [
    { measure: 'First script (gzip)', values: first, format: kb, ratio: true, budget: 15 * 1024 },
    { measure: 'All widget files, after load (gzip)', values: of(load, (r) => sum(r.files)), format: kb, ratio: true },
    {
      measure: 'All widget files once used: opened, a message sent and answered (gzip)',
      values: new Map(widgets.map((w) => [w.id, sum(allFiles(w))] as const)),
      format: kb,
      ratio: true,
      budget: 45 * 1024,
    },
    { measure: 'Launcher / input clickable (from navigation start)', values: of(load, (r) => r.clickable), format: ms, ratio: true },
    {
      measure: `… over the blank page's load event (${ms(blankLoad)})`,
      values: of(load, (r) => r.clickable - blankLoad),
      format: (v) => (Number.isNaN(v) ? '—' : `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(0)} ms`),
      ratio: true,
      budget: 25,
    },
    { measure: '… the last widget file that had arrived by then, received at', values: of(load, (r) => r.filesDone), format: ms, ratio: false },
    { measure: 'Page load event with the widget', values: of(load, (r) => r.load), format: ms, ratio: false },
    {
      measure: `JS heap after load, after GC (blank page ${mb(median((results.load.get('blank') ?? []).map((r) => r.heapMb)))})`,
      values: of(load, (r) => r.heapMb),
      format: mb,
      ratio: true,
    },
    {
      measure: `Reply stream: main-thread task time${results.oursStream === 'agent-only' ? ' (ours: agent reply path alone, see below)' : ''}`,
      values: of(results.stream, (r) => r.taskMs),
      format: ms,
      ratio: true,
      budget: 300,
    },
    {
      measure: 'Reply stream: CPU on all renderer threads (main, workers, compositor; browser process metrics)',
      values: of(results.stream, (r) => r.rendererCpuMs),
      format: ms,
      ratio: true,
    },
    {
      measure: 'Reply stream: JavaScript time (sampling profile, one run)',
      values: new Map(widgets.map((w) => [w.id, results.profiled.get(w.id)?.jsMs ?? Number.NaN] as const)),
      format: ms,
      ratio: true,
      budget: 60,
    },
    { measure: '… garbage collection in that run', values: new Map(widgets.map((w) => [w.id, results.profiled.get(w.id)?.gcMs ?? Number.NaN] as const)), format: ms, ratio: true },
    { measure: 'Reply stream: script time (CDP ScriptDuration; misses promise jobs)', values: of(results.stream, (r) => r.scriptMs), format: ms, ratio: false },
    { measure: 'Reply stream: style + layout time', values: of(results.stream, (r) => r.layoutMs), format: ms, ratio: true },
    { measure: 'Reply stream: longest task', values: of(results.stream, (r) => r.longestMs), format: (v) => (v === 0 ? 'none > 50 ms' : ms(v)), ratio: false, budget: 50 },
    { measure: 'Reply stream: last token in the DOM after the server sent it', values: of(results.stream, (r) => r.lagMs), format: ms, ratio: false },
    { measure: `${HISTORY.toLocaleString('en')}-message history: open until newest painted`, values: of(results.history, (r) => r.openMs), format: ms, ratio: true, budget: 150 },
    { measure: '… longest task while opening', values: of(results.history, (r) => r.longestMs), format: (v) => (v === 0 ? 'none > 50 ms' : ms(v)), ratio: false, budget: 50 },
    { measure: '… elements in the widget', values: of(results.history, (r) => r.elements), format: (v) => (Number.isNaN(v) ? '—' : v.toFixed(0)), ratio: true, budget: 2000 },
    { measure: '… JS heap after GC', values: of(results.history, (r) => r.heapMb), format: mb, ratio: true, budget: 10 },
  ];
}

function table(list: Row[], widgets: readonly Widget[]): string {
  const peers = widgets.filter((w) => w.id !== 'tinychat');
  const hasOurs = widgets.some((w) => w.id === 'tinychat');
  const head = ['measure (median)', ...widgets.map((w) => w.label), ...(hasOurs ? [...peers.map((p) => `ours ÷ ${p.id}`), 'our budget'] : [])];
  const budget = (r: Row) => {
    if (r.budget === undefined) return '';
    const ours = r.values.get('tinychat') ?? Number.NaN;
    const limit = `≤ ${r.format(r.budget).replace('none > 50 ms', '50 ms')}`;
    return Number.isNaN(ours) ? limit : `${limit} ${ours <= r.budget ? 'within' : '**over**'}`;
  };
  const ratio = (r: Row, p: Widget) => {
    const ours = r.values.get('tinychat') ?? Number.NaN;
    const peer = r.values.get(p.id) ?? Number.NaN;
    if (!r.ratio || Number.isNaN(ours) || Number.isNaN(peer) || peer <= 0 || ours < 0) return '';
    return `${(ours / peer).toFixed(ours / peer < 0.1 ? 3 : 2)}×`;
  };
  const body = list.map((r) => [r.measure, ...widgets.map((w) => r.format(r.values.get(w.id) ?? Number.NaN)), ...(hasOurs ? [...peers.map((p) => ratio(r, p)), budget(r)] : [])]);
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export default async function peersBench(): Promise<void> {
  // PEERS_DIST: measure our build from another folder (e.g. HEAD built apart from work in progress); PEERS_DIST_FROM says what it is.
  const distDir = process.env.PEERS_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
  const haveOurs = existsSync(join(distDir, 'tinychat.js'));
  const widgets = WIDGETS.filter((w) => (w.id !== 'tinychat' || haveOurs) && (!ONLY || ONLY.includes(w.id)));
  if (!haveOurs) console.log(`  ${distDir}/tinychat.js is missing (\`npm run build\`): measuring the peers only`);
  const tinychat = widgets.some((w) => w.id === 'tinychat') ? await createServer({ port: 0, memory: true }) : undefined;
  if (tinychat) await seedLongThread(tinychat);
  // A copy of dist/ taken now: the build may be rewritten while the bench runs.
  const dist = haveOurs ? mkdtempSync(join(tmpdir(), 'peers-dist-')) : undefined;
  if (dist) cpSync(distDir, dist, { recursive: true });
  const server = await startPeerServer(replyTokens(), tinychat?.url, dist);
  if (haveOurs) server.pages.set(OURS_AGENT_SCRIPT, await bundleOursAgent());
  const browser = await playwright.launch({ executablePath: CHROMIUM, args: ARGS });
  const chromium = `Chromium ${browser.version()}`;
  const loadBefore = loadavg()[0] ?? Number.NaN;
  let results: Results;
  try {
    results = await measureAll(browser, server, widgets);
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    await tinychat?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const list = rows(results, widgets);
  const out = table(list, widgets);
  console.log(out);
  for (const [key, reason] of results.failures) console.log(`  not measured: ${key}: ${reason}`);
  const load = `${loadBefore.toFixed(1)} when it started and ${(loadavg()[0] ?? Number.NaN).toFixed(1)} when it ended`;
  await writeSection('peers', report(out, widgets, results, chromium, commit, load));
}

function report(out: string, widgets: readonly Widget[], results: Results, chromium: string, commit: string, load: string): string {
  const ourFiles = (files: Map<string, number> | undefined) => [...(files ?? [])].map(([path, size]) => `\`${path.replace(/^\/dist\//, '')}\` ${kb(size)}`).join(', ');
  const oursLoad = (results.load as Map<WidgetId, LoadRun[]>).get('tinychat')?.[0]?.files;
  const oursFiles = oursLoad
    ? `Our files after load: ${ourFiles(oursLoad)}; once used, also: ${ourFiles(new Map([...(results.usage ?? []), ...(results.stream.get('tinychat')?.[0]?.files ?? [])].filter(([p]) => !oursLoad.has(p))))}.\n`
    : '';
  const ours = process.env.PEERS_DIST_FROM ?? `\`dist/\` built from the work tree at ${commit}`;
  const versions = widgets.map((w) => `${w.label} ${w.id === 'tinychat' ? `${w.version} (${ours})` : w.version}`).join(', ');
  const outside = widgets
    .map((w) => [w, new Set(((results.load as Map<WidgetId, LoadRun[]>).get(w.id) ?? []).flatMap((r) => [...r.outside]))] as const)
    .filter(([, hosts]) => hosts.size > 0)
    .map(([w, hosts]) => `${w.label}: ${[...hosts].join(', ')}`);
  const failures = [...results.failures].map(([k, r]) => `- ${k}: ${r}`).join('\n');
  return `## Against other chat widgets (\`bench/peers.bench.ts\`)

${versions}; ${chromium}, headless, \`${ARGS.join(' ')}\`, viewport ${VIEWPORT.width}×${VIEWPORT.height}.
Every widget is served from one loopback origin by the bench (its files straight from \`node_modules\` or \`dist/\`,
uncompressed; sizes are gzip level 9 of the bodies in the network log), on the same host page, in the same browser
and run, widgets interleaved round by round, each run in a fresh browser context. Medians of ${RUNS.load} load runs
(blank page included in each round), ${RUNS.stream} reply streams and ${RUNS.history} history openings per widget. The machine's
1-minute load average was ${load} (two cores shared with other work): absolute times move between runs, ratios less.

${out}

"ours ÷ peer" below 1 means ours is smaller or faster; "our budget" is the widget's and the agent reply's (for the
JavaScript budget, the profile's figure: ScriptDuration misses script run from promise jobs), shown for orientation
only: these runs hold more than the budgets do. "Once used" bytes include the agent's chunk and its stream worker
(the 45 KB budget is the widget with realtime, measured by bench/widget.bench.ts); the clickable time is polled once
a frame, under Playwright; the reply stream's window also holds posting the question and the answer, their realtime
echoes, and the task per network chunk Chromium adds under Playwright's instrumentation. The budget figures are in
the widget and agent-stream sections.
${oursFiles}
${failures ? `Not measured:\n${failures}\n` : ''}${outside.length ? `Files asked for from other hosts (failed here by the resolver rules, so in no figure; on a real site they are extra bytes and connections): ${outside.join('; ')}.\n` : ''}
${NOTES(widgets, results)}`;
}

const NOTES = (widgets: readonly Widget[], results: Results) => `What each figure is, and what skews it:
- **Bytes**: the first script is the one file a page includes (ours: the classic loader, which draws a facade launcher and imports the rest;
  deep-chat: its one browser bundle; nlux: its one ES module). "After load" is every file of the widget the network log
  shows once the page is idle; "once used" adds what loads when a visitor opens it and writes (for ours: a new
  conversation with a person${results.oursStream === 'widget' ? ', and the agent on the stream runs' : ''}); the peers load everything up front. deep-chat and nlux
  also ask for the Inter web font from Google Fonts, which fails here (no outside network), so it is in no figure.
- **Clickable**: from navigation start until a hit test at the centre of ${widgets.map((w) => `${w.id}'s ${w.target}`).join(', ')} reaches it,
  polled once a frame, against the blank host page's load event in the same rounds. Ours shows a launcher until opened (the
  loader's facade: a real button drawn before the rest of the widget arrives, whose click is kept and opens the panel once
  it has); the peers are inline chat panels without a launcher of their own, so theirs is the message input of a fully
  drawn panel.
- **Reply stream**: ${TOKENS.toLocaleString('en')} markdown-shaped tokens (ASCII: see \`bench/peers/content.ts\`), one every ${TOKEN_INTERVAL_MS} ms, written by the
  bench's loopback server in the format each widget reads: deep-chat through its own \`connect\` with \`stream: true\`
  (\`data: {"text"}\` events); nlux through the custom streaming adapter its docs describe (fetch, split SSE events,
  \`observer.next\`; that page code is in its figures), with its typing animation off; ours ${
    results.oursStream === 'widget'
      ? "through the widget itself (`bot-id`, `agent-url`): the visitor's message is posted to the local server, the agent is asked, and the finished reply is posted back, all inside the measured window"
      : '**through its agent reply path alone** (`streamReply` → `<AgentReply>` in a 380×560 panel, `bench/peers/oursAgentPage.tsx`), because the built widget did not yet send to its agent when this ran; bench/agentStream.bench.ts measures the same path in more detail'
  }. Task and style+layout times are CDP \`Performance.getMetrics\` deltas from just before the message is sent until the last
  token is in the DOM and a frame has passed; the window is about 4.3 s for a widget that keeps up. CDP's ScriptDuration
  leaves out script run from promise jobs (deep-chat renders each token from a fetch-body promise, so it shows a few ms),
  hence the JavaScript row from one extra run under the sampling profiler: samples with page JavaScript on the stack,
  which includes any style and layout that script forces synchronously: per token, deep-chat renders the whole reply's
  markdown again into \`innerHTML\` and then reads \`innerText\`, which forces a layout (nearly all of its profile is that one
  function, \`renderText\`). nlux's markdown stream parser releases one character per timer tick (4 ms at best), so its last
  token reaches the screen long after it arrived, typing animation or not.
- **History**: ours opens a thread of ${HISTORY.toLocaleString('en')} messages stored on the local server (pinned with \`external-ref\`): a click on
  the launcher (and on the thread, if the widget shows its conversation list first), and rendering only what is near the
  viewport. The widget fetches that thread's newest page (50) while closed, at idle after load, and the bench opens it only
  once the network is idle, so no request is timed; scrolling further back (paged over loopback) is bench/widget.bench.ts's. deep-chat gets all of them as its \`history\` property and nlux as \`initialConversation\`, in
  memory, built before the clock starts, and each renders every message. Elements are counted inside the widget, shadow
  roots included; long tasks from the start of opening until 500 ms after.
- **Heap** is the whole page's \`JSHeapUsedSize\` after \`HeapProfiler.collectGarbage\` (the host page's own share is the
  blank page's figure).
- **Not compared**: what only some of them do. deep-chat and nlux are AI chat panels: many LLM service adapters (deep-chat
  also speech, camera, file and code-highlighting options), no launcher, no threads between people, no realtime, no
  paging. Ours is a launcher and panel with conversations between people over realtime, paged history and the agent.
  Their options that would change a figure were left at their defaults except where noted (nlux's typing animation;
  deep-chat's \`stream.partialRender\` is off by default and stays off).`;
