import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../helpers/faultProxy.ts';
import { launchChromium } from './helpers/chromium.ts';
import { startLiveServer, type LiveServer } from './helpers/liveServer.ts';
import { cachePageAssets } from './helpers/offlineCache.ts';
import { history, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

// The widget behind a proxy of our own (test/helpers/faultProxy.ts): the page, the API and realtime all go
// through it, so killing it is the service going away for everything but what the page cached.
let live: LiveServer;
let proxy: FaultProxy;
let browser: Browser;
beforeAll(async () => {
  live = await startLiveServer();
  proxy = await startFaultProxy(live.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await live?.dispose();
});

async function person(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: proxy.url });
  context.setDefaultTimeout(WAIT);
  await cachePageAssets(context);
  const page = await context.newPage();
  await page.goto('/');
  return { context, page };
}

const api = (r: ProxiedRequest) => /^\/v1\//.test(r.path);
const sent = (w: Widget, text: string) => w.log.locator('[data-status="sent"]', { hasText: text });
const rowTexts = (w: Widget) => w.messages.locator('.tc-msg-bubble').allInnerTexts();
const waitingLine = (page: Page) => page.getByText('Waiting for the connection…');

describe('no dead ends, through a fault proxy', () => {
  it('a page loaded while the service answers 503 says why with "Try again", takes a first message meanwhile, and shows the real screen and delivers it once it is back', async () => {
    const heal = proxy.fail(api);
    try {
      const { page } = await person();
      const sends: string[] = [];
      page.on('request', (r) => void (isSend(r) && sends.push(conversationOf(r))));
      const w = widget(page);
      await w.openButton.click();
      const problem = page.getByRole('status').filter({ hasText: 'The chat service had a problem' });
      await problem.waitFor();
      const tryAgain = page.getByRole('button', { name: 'Try again' });
      // "Try again" while it is still down asks again and still says why.
      const asked = proxy.seen.length;
      await tryAgain.click();
      await expect.poll(() => proxy.seen.slice(asked).some(api), { timeout: WAIT }).toBe(true);
      await problem.waitFor();
      // A first visit can write meanwhile: the message box is there, and what is sent waits as pending.
      await type(w, 'Written while it was down');
      await w.log.locator('[data-status="pending"]', { hasText: 'Written while it was down' }).waitFor();
      heal();
      // Back by itself (no reload, no click): the real screen, the message delivered once, nothing of the failure.
      await sent(w, 'Written while it was down').waitFor();
      await tryAgain.waitFor({ state: 'hidden' });
      expect(await problem.count()).toBe(0);
      expect(await w.alert.count()).toBe(0);
      await type(w, 'Started after all');
      await sent(w, 'Started after all').waitFor();
      expect(new Set(sends).size).toBe(1);
      expect((await history(live, sends[0]!)).map((m) => m.body)).toEqual(['Written while it was down', 'Started after all']);
    } finally {
      heal();
    }
  });

  it('a reload while the service is killed shows the thread it held, queues what is written in order, and delivers each once', async () => {
    const { page } = await person();
    const w = await openThread(page);
    const firstSend = page.waitForRequest(isSend);
    await type(w, 'Before the outage');
    await sent(w, 'Before the outage').waitFor();
    const conversationId = conversationOf(await firstSend);

    await proxy.kill();
    try {
      await type(w, 'Queued one');
      await type(w, 'Queued two');
      await waitingLine(page).first().waitFor();
      await page.reload();
      // Served from the page's cache; the thread shows what it held, then the queued rows, in the order written.
      await w.message('Before the outage').waitFor();
      await w.message('Queued two').waitFor();
      await type(w, 'Queued three');
      expect(await rowTexts(w)).toEqual(['Before the outage', 'Queued one', 'Queued two', 'Queued three']);
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      expect(await w.log.locator('[data-status="sent"]').count()).toBe(1);
      expect(await page.getByText('Loading earlier messages…').count()).toBe(0);
    } finally {
      await proxy.revive();
    }
    // Back, and the visitor returns to the tab: the start is tried at once (focus), and every queued message is
    // stored once and shown once as sent.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    for (const text of ['Queued one', 'Queued two', 'Queued three']) await sent(w, text).waitFor();
    await waitingLine(page).first().waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Try again' }).waitFor({ state: 'hidden' });
    const expected = ['Before the outage', 'Queued one', 'Queued two', 'Queued three'];
    expect((await history(live, conversationId)).map((m) => m.body)).toEqual(expected);
    expect(await rowTexts(w)).toEqual(expected);
    expect(await w.alert.count()).toBe(0);
  });

  it('offline, it says offline; a thread reopened or reloaded offline keeps its history; back online it all goes once', async () => {
    const { context, page } = await person();
    const w = await openThread(page);
    const firstSend = page.waitForRequest(isSend);
    await type(w, 'Said online');
    await sent(w, 'Said online').waitFor();
    const conversationId = conversationOf(await firstSend);

    await context.setOffline(true);
    const offline = page.getByRole('status').filter({ hasText: "You're offline. Messages will be sent when you're back." });
    await offline.waitFor();
    await type(w, 'Written offline');
    await w.message('Written offline').getByText('Waiting for the connection…').waitFor();
    // Back and in again: what was loaded, then the pending row; no "Loading earlier" over it.
    await w.back.click();
    await w.conversations.getByRole('button').first().click();
    await w.message('Written offline').waitFor();
    expect(await rowTexts(w)).toEqual(['Said online', 'Written offline']);
    expect(await page.getByText('Loading earlier messages…').count()).toBe(0);
    // A reload while offline (the page from its cache): the same.
    await page.reload();
    await w.message('Written offline').waitFor();
    expect(await rowTexts(w)).toEqual(['Said online', 'Written offline']);
    await offline.waitFor();
    expect(await w.alert.count()).toBe(0);

    await context.setOffline(false);
    await sent(w, 'Written offline').waitFor();
    await offline.waitFor({ state: 'hidden' });
    await waitingLine(page).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Try again' }).waitFor({ state: 'hidden' });
    expect((await history(live, conversationId)).map((m) => m.body)).toEqual(['Said online', 'Written offline']);
    expect(await rowTexts(w)).toEqual(['Said online', 'Written offline']);
  });

  it('knows the 10,000-character limit before sending; a refused message has Retry, Edit and Delete and stays where it was written', async () => {
    const { page } = await person();
    const w = await openThread(page);
    const sends: string[] = [];
    page.on('request', (r) => isSend(r) && sends.push(r.url()));

    await w.messageBox.fill('x'.repeat(9_500));
    await page.getByText('500 characters left').waitFor();
    await w.messageBox.fill('x'.repeat(10_001));
    await page.getByRole('alert').filter({ hasText: 'Messages can be up to 10,000 characters.' }).waitFor();
    await w.messageBox.press('Enter');
    // aria-disabled, not disabled: it stays focusable and says why; a click on it sends nothing.
    await w.sendButton.click({ force: true });
    expect(await w.messageBox.inputValue()).toHaveLength(10_001);
    expect(await w.messages.count()).toBe(0);

    const firstSend = page.waitForRequest(isSend);
    await type(w, 'First, sent');
    await sent(w, 'First, sent').waitFor();
    const conversationId = conversationOf(await firstSend);
    expect(sends).toHaveLength(1);

    // Refused for good (a 4xx) twice, then the service takes messages again.
    const heal = proxy.fail((r) => r.method === 'POST' && /\/messages$/.test(r.path), { status: 403, body: { error: 'forbidden' } });
    await type(w, 'Refused, to edit');
    await type(w, 'Refused, to delete');
    const toEdit = w.message('Refused, to edit');
    const toDelete = w.message('Refused, to delete');
    await toDelete.getByRole('button', { name: 'Delete' }).waitFor();
    await toEdit.getByText('You are not allowed to do that.').waitFor();
    for (const name of ['Retry', 'Edit', 'Delete']) await toEdit.getByRole('button', { name }).waitFor();
    heal();
    await type(w, 'Written after them');
    await sent(w, 'Written after them').waitFor();
    expect(await rowTexts(w)).toEqual(['First, sent', 'Refused, to edit', 'Refused, to delete', 'Written after them']);
    await page.reload();
    await w.message('Written after them').waitFor();
    await toEdit.waitFor();
    expect(await rowTexts(w)).toEqual(['First, sent', 'Refused, to edit', 'Refused, to delete', 'Written after them']);

    await toDelete.getByRole('button', { name: 'Delete' }).click();
    await toDelete.waitFor({ state: 'detached' });
    await toEdit.getByRole('button', { name: 'Edit' }).click();
    await toEdit.waitFor({ state: 'detached' });
    expect(await w.messageBox.inputValue()).toBe('Refused, to edit');
    await w.messageBox.press('Enter');
    await sent(w, 'Refused, to edit').waitFor();
    await page.reload();
    await w.message('Written after them').waitFor();
    expect(await w.message('Refused, to delete').count()).toBe(0);
    const stored = (await history(live, conversationId)).map((m) => m.body);
    expect(stored).toEqual(['First, sent', 'Written after them', 'Refused, to edit']);
    expect(await rowTexts(w)).toEqual(stored);
  });
});
