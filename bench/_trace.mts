import { chromium } from 'playwright-core';
import { createServer } from '../server/createServer.ts';
const server = await createServer({ port: 0, memory: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events: any[] = [];
cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
await page.goto(server.url + '/', { waitUntil: 'load' });
await page.waitForTimeout(6000);
await cdp.send('Tracing.end'); await done;
const main = events.filter((e) => e.name === 'RunTask' && e.dur > 30000);
const mainTid = (() => { const c = new Map<number, number>(); for (const e of main) c.set(e.tid, (c.get(e.tid) ?? 0) + 1); return [...c].sort((a, b) => b[1] - a[1])[0]?.[0]; })();
for (const t of main.filter((e) => e.tid === mainTid)) {
  const kids = events.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 3000 && e.name !== 'RunTask');
  console.log(`TASK ${(t.dur / 1000).toFixed(0)} ms @${((t.ts - main[0].ts) / 1000).toFixed(0)}`);
  for (const k of kids.slice(0, 14)) console.log(`   ${k.name} ${(k.dur / 1000).toFixed(1)} ${k.args?.data?.url ?? k.args?.data?.functionName ?? k.args?.data?.type ?? ''}`.slice(0, 160));
}
await browser.close(); await server.close();
