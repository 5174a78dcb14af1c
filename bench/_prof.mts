import { chromium } from 'playwright-core';
import { createServer } from '../server/createServer.ts';
const server = await createServer({ port: 0, memory: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(server.url + '/', { waitUntil: 'load' });
await page.waitForTimeout(6000);
const { profile } = await cdp.send('Profiler.stop') as any;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<string, number>(), total = new Map<string, number>();
const key = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
profile.samples.forEach((s: number, i: number) => {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let n: any = byId.get(s); self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set<string>();
  while (n) { const k = key(n); if (!seen.has(k)) { total.set(k, (total.get(k) ?? 0) + dt); seen.add(k); } n = byId.get(parent.get(n.id)!); }
});
const top = (m: Map<string, number>, f: (k: string) => boolean) => [...m].filter(([k]) => f(k)).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n');
console.log('SELF\n' + top(self, (k) => !k.startsWith('(idle)') && !k.startsWith('(program)')));
console.log('TOTAL widget\n' + top(total, (k) => /widget-|realtime|tinychat/.test(k)));
await browser.close(); await server.close();
