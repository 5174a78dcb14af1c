import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { openThread, type } from './helpers/widget.ts';

// A site on its own origin pastes the script tag that points at the TinyChat host, as integrators do.
describe('the script tag on another origin', () => {
  const suite = useBrowserSuite();
  let site: Server;
  let siteUrl = '';
  beforeAll(async () => {
    site = createServer((req, res) => {
      // /agent: the same tag with the demo bot; /agent-no-workers: and a policy that allows no worker.
      const bot = req.url?.startsWith('/agent') ? ' data-bot-id="demo-bot"' : '';
      const policy: Record<string, string> = req.url === '/agent-no-workers' ? { 'content-security-policy': "worker-src 'none'" } : {};
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...policy });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
<body><main><h1>Another site</h1></main>
<script src="${suite.live.url}/dist/tinychat.js" data-api-key="pk_test_demo" data-user-name="Cross origin"${bot} async></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site.close(resolve));
  });

  it('loads its modules from the TinyChat host, talks to its API there, and sends', async () => {
    const { context } = await suite.person('/');
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(siteUrl);
    expect(new URL(page.url()).origin).not.toBe(new URL(suite.live.url).origin);
    const w = await openThread(page);
    await type(w, 'Hello from another origin');
    await w.log.locator('[data-status="sent"]', { hasText: 'Hello from another origin' }).waitFor();
    expect(failed).toEqual([]);
  });

  it('reads the agent reply in a worker started from a blob: script of the page, which imports the one on the TinyChat host', async () => {
    const { context } = await suite.person('/');
    const page = await context.newPage();
    await page.goto(`${siteUrl}agent`);
    const w = await openThread(page);
    await type(w, 'How long does delivery take?');
    await expect.poll(() => page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/^blob:http:\/\/localhost:\d+\//));
    await w.log.locator('[data-message-id][data-mine="false"][data-status="sent"]').first().waitFor();
    expect(await w.log.locator('[data-message-id][data-mine="false"] .tc-md').first().textContent()).toMatch(/\w{3,}/);
  });

  it('reads the reply on the main thread when the page allows no worker, and asks for it only once', async () => {
    const { context } = await suite.person('/');
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/chat/completions') asked.push(r.url());
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${siteUrl}agent-no-workers`);
    const w = await openThread(page);
    await type(w, 'How long does delivery take?');
    await w.log.locator('[data-message-id][data-mine="false"][data-status="sent"]').first().waitFor();
    expect(await w.log.locator('[data-message-id][data-mine="false"] .tc-md').first().textContent()).toMatch(/\w{3,}/);
    expect(workers).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});
