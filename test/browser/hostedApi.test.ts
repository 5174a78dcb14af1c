import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApiProxy, type ApiProxy } from './helpers/apiProxy.ts';
import { history, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

// Run in both modes: `TINYCHAT_COMPAT=hosted` (the browser-hosted project) serves the hosted seed's surface only,
// where sends carry no Idempotency-Key; by default they do. The guarantees are the same.
const mode = process.env.TINYCHAT_COMPAT === 'hosted' ? 'hosted' : 'default';

/** Releases a held answer; the proxy then drops it. */
function gate(): { hold: Promise<void>; release(): void } {
  let release = () => {};
  const hold = new Promise<void>((resolve) => (release = resolve));
  return { hold, release };
}

describe(`against the chat service through a faulty network (${mode} mode)`, () => {
  const suite = useBrowserSuite();
  let proxy: ApiProxy;
  let site: Server;
  let siteUrl = '';
  beforeAll(async () => {
    proxy = await startApiProxy(suite.live.url);
    // The integrator's site on its own origin; the widget talks to the chat service through the proxy.
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><main><h1>Shop</h1></main>
<script src="${proxy.url}/dist/tinychat.js" data-api-key="pk_test_demo" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  });
  afterEach(() => {
    proxy.preflight = 'pass';
    proxy.loseAnswer = () => false;
  });
  afterAll(async () => {
    await proxy?.close();
    await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  });

  async function visitor(context?: BrowserContext): Promise<{ context: BrowserContext; page: Page; w: Widget }> {
    const ctx = context ?? (await suite.browser.newContext());
    ctx.setDefaultTimeout(WAIT);
    const page = await ctx.newPage();
    await page.goto(siteUrl);
    return { context: ctx, page, w: context === undefined ? await openThread(page) : widget(page) };
  }

  const sent = (w: Widget, text: string) => w.log.locator('[data-status="sent"]', { hasText: text });
  const stored = async (conversationId: string, text: string) => (await history(suite.live, conversationId)).filter((m) => m.body === text).length;

  /** Sends a first message and returns the conversation's id. */
  async function start(page: Page, w: Widget, text: string): Promise<string> {
    const request = page.waitForRequest(isSend);
    await type(w, text);
    await sent(w, text).waitFor();
    return conversationOf(await request);
  }

  it('the demo page says which mode the server runs in', async () => {
    const { page } = await suite.person('/');
    const line = page.locator('#server-mode').filter({ hasText: 'Server mode' });
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      mode === 'hosted' ? /^Server mode: hosted \(TINYCHAT_COMPAT=hosted\)/ : /^Server mode: default, with our extensions \(.*identity.*\)\.$/,
    );
  });

  it('stores and shows every message once when answers are lost, the same words twice included', async () => {
    const { context, page, w } = await visitor();
    const conversationId = await start(page, w, 'First of four');
    // The first 'Same words' loses its answer mid-way, 'Last of four' gets a gateway's 502 after it was stored.
    const loseOnce = new Map<string, 'cut' | '502'>([
      ['Same words', 'cut'],
      ['Last of four', '502'],
    ]);
    proxy.loseAnswer = (body) => {
      const text = (JSON.parse(body) as { body: string }).body;
      const as = loseOnce.get(text);
      loseOnce.delete(text);
      return as !== undefined && { as };
    };
    for (const text of ['Same words', 'Same words', 'Last of four']) await type(w, text);
    await expect.poll(() => sent(w, 'Same words').count(), { timeout: WAIT }).toBe(2);
    await sent(w, 'Last of four').waitFor();
    expect(proxy.lost.filter((t) => t === 'Same words' || t === 'Last of four')).toHaveLength(2);
    expect((await history(suite.live, conversationId)).map((m) => m.body)).toEqual(['First of four', 'Same words', 'Same words', 'Last of four']);
    expect(await w.message('Same words').count()).toBe(2);
    expect(await w.message('Last of four').count()).toBe(1);
    await context.close();
  });

  it('keeps a send whose answer is lost over a reload, and it is there once', async () => {
    const { context, page, w } = await visitor();
    const conversationId = await start(page, w, 'Before the reload');
    const { hold, release } = gate();
    proxy.loseAnswer = (body) => (JSON.parse(body) as { body: string }).body === 'Pending over a reload' && { hold };
    const storedNow = proxy.nextLost();
    await type(w, 'Pending over a reload');
    await storedNow;
    await page.reload();
    release();
    const after = widget(page);
    await sent(after, 'Pending over a reload').waitFor();
    expect(await stored(conversationId, 'Pending over a reload')).toBe(1);
    expect(await after.message('Pending over a reload').count()).toBe(1);
    await context.close();
  });

  it('two tabs holding the same unsent message store it once and each shows it once', async () => {
    const { context, page, w } = await visitor();
    const conversationId = await start(page, w, 'One tab so far');
    const { hold, release } = gate();
    proxy.loseAnswer = (body) => (JSON.parse(body) as { body: string }).body === 'Seen by two tabs' && { hold };
    const storedNow = proxy.nextLost();
    await type(w, 'Seen by two tabs');
    await storedNow;
    // The second tab starts while the first one's send is unanswered, and finds it in the shared outbox.
    const second = await visitor(context);
    await second.w.message('One tab so far').waitFor();
    release();
    await sent(w, 'Seen by two tabs').waitFor();
    await sent(second.w, 'Seen by two tabs').waitFor();
    expect(await stored(conversationId, 'Seen by two tabs')).toBe(1);
    expect(await w.message('Seen by two tabs').count()).toBe(1);
    expect(await second.w.message('Seen by two tabs').count()).toBe(1);
    await context.close();
  });

  it("sends behind a host whose CORS allows only the seed's headers", async () => {
    proxy.preflight = 'seed';
    const { context, page, w } = await visitor();
    const conversationId = await start(page, w, 'Behind the seed CORS');
    await type(w, 'And a second one');
    await sent(w, 'And a second one').waitFor();
    expect(await stored(conversationId, 'Behind the seed CORS')).toBe(1);
    expect(await stored(conversationId, 'And a second one')).toBe(1);
    expect(await w.message('Behind the seed CORS').count()).toBe(1);
    await context.close();
  });

  it('says the chat service refused a send the browser blocks, keeps the words, and sends them on Retry', async () => {
    proxy.preflight = 'refuse-sends';
    const { context, page, w } = await visitor();
    const request = page.waitForRequest(isSend);
    await type(w, 'Blocked by the browser');
    const row = w.message('Blocked by the browser');
    await row.getByText('The chat service refused the request').waitFor();
    const conversationId = conversationOf(await request);
    expect(await stored(conversationId, 'Blocked by the browser')).toBe(0);
    proxy.preflight = 'pass';
    await row.getByRole('button', { name: 'Retry' }).click();
    await sent(w, 'Blocked by the browser').waitFor();
    expect(await stored(conversationId, 'Blocked by the browser')).toBe(1);
    expect(await w.message('Blocked by the browser').count()).toBe(1);
    await context.close();
  });
});
