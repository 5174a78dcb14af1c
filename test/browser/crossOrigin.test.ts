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
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
<body><main><h1>Another site</h1></main>
<script src="${suite.live.url}/dist/tinychat.js" data-api-key="pk_test_demo" data-user-name="Cross origin" async></script></body></html>`);
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
});
