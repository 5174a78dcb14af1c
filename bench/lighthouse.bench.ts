import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createServer } from '../server/createServer.ts';
import { CHROMIUM } from '../test/browser/helpers/chromium.ts';
import { writeSection } from './writeSection.ts';

// What a site owner sees in PageSpeed before and after pasting the tag: Lighthouse's mobile run (simulated slow
// 4G, 4x CPU slowdown), on the demo's home page with and without the script tag, runs interleaved so the machine's
// load falls on both alike. Lighthouse 12 is the newest that runs on Node 20 (13 needs Node 22).
const RUNS = 3;
const BUDGET = { tbtDiffMs: 0, ttiDiffS: 0.1 };

interface Run {
  performance: number;
  tbt: number;
  tti: number;
  lcp: number;
  cls: number;
  failed: Set<string>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** The site's pages on their own origin; the widget's files and API on the local server, as from a CDN. */
async function startSite(widgetOrigin: string) {
  const demo = new URL('../demo/', import.meta.url);
  const css = await readFile(new URL('demo.css', demo), 'utf8');
  const html = (await readFile(new URL('index.html', demo), 'utf8')).replace('<link rel="stylesheet" href="/demo.css">', `<style>${css}</style>`);
  const tag = /<script src="\/dist\/tinychat\.js"[^>]*><\/script>/;
  if (!tag.test(html)) throw new Error('demo/index.html no longer has the script tag this bench looks for');
  const pages = new Map([
    ['/with.html', html.replace(tag, `<script src="${widgetOrigin}/dist/tinychat.js" data-api-key="pk_test_demo" data-base-url="${widgetOrigin}" async></script>`)],
    ['/without.html', html.replace(tag, '')],
  ]);
  const site = createHttpServer((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://site').pathname);
    res.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(site.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}

async function audit(port: number, url: string): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  // Failed as Lighthouse colours it: a scored audit below 0.9 (binary audits score 0 or 1).
  const failed = new Set(
    Object.values(lhr.audits)
      .filter((a) => typeof a.score === 'number' && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map((a) => a.id),
  );
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: value('total-blocking-time'),
    tti: value('interactive') / 1000,
    lcp: value('largest-contentful-paint') / 1000,
    cls: value('cumulative-layout-shift'),
    failed,
  };
}

export default async function run(): Promise<void> {
  const server = await createServer({ port: 0, memory: true, host: '127.0.0.1' });
  const site = await startSite(server.url);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const runs = { without: [] as Run[], with: [] as Run[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const which of ['without', 'with'] as const) {
        const r = await audit(chrome.port, `${site.url}/${which}.html`);
        runs[which].push(r);
        console.log(`${which} #${i + 1}: perf ${r.performance}, TBT ${r.tbt.toFixed(0)} ms, TTI ${r.tti.toFixed(2)} s`);
      }
    }
  } finally {
    chrome.kill();
    await site.close();
    await server.close();
  }

  const fig = (which: 'with' | 'without', pick: (r: Run) => number) => median(runs[which].map(pick));
  const metrics: [string, (r: Run) => number, (n: number) => string][] = [
    ['Performance score', (r) => r.performance, (n) => String(n)],
    ['Total Blocking Time', (r) => r.tbt, (n) => `${n.toFixed(0)} ms`],
    ['Time to Interactive', (r) => r.tti, (n) => `${n.toFixed(2)} s`],
    ['Largest Contentful Paint', (r) => r.lcp, (n) => `${n.toFixed(2)} s`],
    ['Cumulative Layout Shift', (r) => r.cls, (n) => n.toFixed(3)],
  ];
  // An audit counts against the widget when it fails in most runs with it and in none without it.
  const failsWithout = new Set(runs.without.flatMap((r) => [...r.failed]));
  const onlyWith = [...new Set(runs.with.flatMap((r) => [...r.failed]))].filter((id) => !failsWithout.has(id) && runs.with.filter((r) => r.failed.has(id)).length * 2 > RUNS);
  const tbtDiff = fig('with', (r) => r.tbt) - fig('without', (r) => r.tbt);
  const ttiDiff = fig('with', (r) => r.tti) - fig('without', (r) => r.tti);
  const rows = metrics.map(([name, pick, fmt]) => `| ${name} | ${fmt(fig('without', pick))} | ${fmt(fig('with', pick))} |`);
  const verdict = (pass: boolean) => (pass ? 'within' : '**over**');
  await writeSection(
    'lighthouse',
    `## Lighthouse: the host page with and without the widget

\`npm run bench -- lighthouse\`: Lighthouse ${'12.8'} (mobile preset: simulated slow 4G, 4x CPU slowdown), Debian's
Chromium headless, the demo's home page on its own origin with the widget's files and API on the local server,
${RUNS} runs of each interleaved; medians.

| metric | without the widget | with the widget |
|---|---|---|
${rows.join('\n')}

- TBT difference ${tbtDiff.toFixed(0)} ms (budget ${BUDGET.tbtDiffMs} ms): ${verdict(tbtDiff <= BUDGET.tbtDiffMs)}.
- TTI difference ${ttiDiff.toFixed(2)} s (budget ${BUDGET.ttiDiffS} s): ${verdict(ttiDiff <= BUDGET.ttiDiffS + 1e-9)}.
- Audits failed only with the widget: ${onlyWith.length === 0 ? 'none' : onlyWith.map((a) => `\`${a}\``).join(', ')}.
- Each run, without / with: ${runs.without.map((r, i) => `TBT ${r.tbt.toFixed(0)} / ${runs.with[i]?.tbt.toFixed(0)} ms, TTI ${r.tti.toFixed(2)} / ${runs.with[i]?.tti.toFixed(2)} s`).join('; ')}.`,
  );
}
