import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attach, dropFiles, isUpload, pasteFiles, pngOfSize, TINY_PNG } from './helpers/images.ts';
import { useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, deepFocus, isSend, openThread, type } from './helpers/widget.ts';

interface StoredImage {
  id: string;
  message_type: string;
  media_url: string | null;
}

const png = (name: string) => ({ name, type: 'image/png', base64: TINY_PNG.toString('base64') });

describe('images: attach, paste, drop; checked, uploaded with progress, sent once, opened larger', () => {
  const suite = useBrowserSuite();

  async function storedImages(conversationId: string): Promise<StoredImage[]> {
    const res = await suite.live.api(`/v1/conversations/${encodeURIComponent(conversationId)}/messages?limit=200`);
    return (res.body as { messages: StoredImage[] }).messages.filter((m) => m.message_type === 'image');
  }

  it('"Attach image" shows a preview and the upload\'s real progress, then sends one image message that opens in a dialog', async () => {
    const { context, page } = await suite.person('/');
    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'A photo of the damage follows');
    const conversationId = conversationOf(await sent);
    const uploads: Request[] = [];
    const sends: Request[] = [];
    page.on('request', (r) => (isUpload(r) ? uploads.push(r) : isSend(r) ? sends.push(r) : undefined));

    // The upload is slowed at the network layer (2 MB/s), so its progress events are spread over seconds.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });
    // Every value the bar shows, sampled each frame inside the page until the bar goes.
    const sampled = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const values: number[] = [];
          let seen = false;
          const tick = () => {
            const bar = document.querySelector('tiny-chat')?.shadowRoot?.querySelector('progress');
            if (bar) {
              seen = true;
              if (values.at(-1) !== bar.value) values.push(bar.value);
            } else if (seen) return resolve(values);
            requestAnimationFrame(tick);
          };
          tick();
        }),
    );
    await attach(page, [{ name: 'damage.png', mimeType: 'image/png', buffer: pngOfSize(6 * 1024 * 1024) }]);
    const bar = page.getByRole('progressbar', { name: 'Uploading damage.png' });
    await bar.waitFor();
    expect(await page.getByRole('img', { name: 'damage.png' }).count()).toBe(1);
    const values = await sampled;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // A real progress bar: several values strictly between 0 and 1, never going back.
    const partial = values.filter((v) => v > 0 && v < 1);
    expect(partial.length, JSON.stringify(values)).toBeGreaterThanOrEqual(2);
    expect([...values].sort((a, b) => a - b)).toEqual(values);

    const row = w.log.locator('[data-status="sent"][data-mine="true"]', { has: page.getByRole('button', { name: 'Image from You' }) });
    await row.waitFor();
    const stored = await storedImages(conversationId);
    expect(stored).toHaveLength(1);
    expect(uploads).toHaveLength(1);
    const uploaded = (await (await uploads[0]!.response())!.json()) as { url: string };
    expect(stored[0]!.media_url).toBe(uploaded.url);
    expect(sends.filter((r) => (r.postDataJSON() as { message_type?: string }).message_type === 'image')).toHaveLength(1);

    // Opens larger: a dialog named for the image, focus on "Close image", Tab stays in, Escape closes only it.
    const small = w.log.getByRole('button', { name: 'Image from You' });
    await small.click();
    const dialog = page.getByRole('dialog', { name: 'Image from You' });
    await dialog.waitFor();
    expect((await deepFocus(page))?.label).toBe('Close image');
    await page.keyboard.press('Tab');
    expect((await deepFocus(page))?.label).toBe('Close image');
    await page.keyboard.press('Shift+Tab');
    expect((await deepFocus(page))?.label).toBe('Close image');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await w.panel.waitFor();
    // Focus is back on the image that opened it.
    await expect.poll(() => small.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    // And with the button from the keyboard.
    await small.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close image' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('refuses a file of another type or over 10 MB before any upload, with a sentence, and keeps the draft', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    await type(w, 'Some context first');
    await w.log.locator('[data-status="sent"]').waitFor();
    const uploads: Request[] = [];
    page.on('request', (r) => (isUpload(r) ? uploads.push(r) : undefined));
    await w.messageBox.fill('My draft stays');

    await attach(page, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') }]);
    const refusal = page.getByRole('alert').filter({ hasText: 'notes.txt cannot be sent: use a JPEG, PNG, GIF, WebP or HEIC image.' });
    await refusal.waitFor();
    expect(await w.messageBox.inputValue()).toBe('My draft stays');

    await attach(page, [{ name: 'huge.png', mimeType: 'image/png', buffer: pngOfSize(10 * 1024 * 1024 + 1) }]);
    await page.getByRole('alert').filter({ hasText: 'huge.png is too large: images can be at most 10 MB.' }).waitFor();
    expect(await w.messageBox.inputValue()).toBe('My draft stays');
    expect(uploads).toHaveLength(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('alert').filter({ hasText: 'huge.png' }).waitFor({ state: 'hidden' });
  });

  it('a part whose code could not load (the connection dropped) says so in its place, and appears by itself once it loads', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    await type(w, 'Before the connection dropped');
    await w.log.locator('[data-status="sent"]').waitFor();
    // The upload tray's chunk (where a refused file is explained) fails until the connection is back.
    let back = false;
    let failedLoads = 0;
    await page.route('**/dist/chunks/UploadTray-*.mjs', (route) => {
      if (back) return route.fallback();
      failedLoads++;
      return route.abort('internetdisconnected');
    });
    await attach(page, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') }]);
    await page.getByRole('status').filter({ hasText: 'This part of the chat could not load yet. It will appear when the connection is back.' }).waitFor();
    expect(failedLoads).toBeGreaterThanOrEqual(1);
    back = true;
    // Tried again by itself (no reload, no click): the refusal it was meant to show appears, the note goes.
    await page.getByRole('alert').filter({ hasText: 'notes.txt cannot be sent' }).waitFor();
    await page.getByText('This part of the chat could not load yet.', { exact: false }).waitFor({ state: 'hidden' });
  });

  it('a pasted image and a dropped image are each sent once', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'Screenshots coming');
    const conversationId = conversationOf(await sent);
    await pasteFiles(w.messageBox, [png('pasted.png')]);
    await expect.poll(async () => (await storedImages(conversationId)).length, { timeout: WAIT }).toBe(1);
    await dropFiles(w.log, [png('dropped.png')]);
    await expect.poll(async () => (await storedImages(conversationId)).length, { timeout: WAIT }).toBe(2);
    await expect.poll(() => w.log.getByRole('button', { name: 'Image from You' }).count()).toBe(2);
    // A text paste is still a text paste.
    await w.messageBox.fill('typed');
    expect(await w.messageBox.inputValue()).toBe('typed');
  });

  it('a failed upload offers Retry and is sent once; a failed send retries with the same upload, never uploading again', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'Retry test');
    const conversationId = conversationOf(await sent);
    const uploads: Request[] = [];
    const imageSends: Request[] = [];
    page.on('request', (r) => {
      if (isUpload(r)) uploads.push(r);
      else if (isSend(r) && (r.postDataJSON() as { message_type?: string }).message_type === 'image') imageSends.push(r);
    });

    // The first upload is lost on the way.
    await page.route('**/v1/conversations/*/upload', (route) => route.abort('connectionreset'), { times: 1 });
    // And the first send of the image gets a 503 (the outbox retries it by itself).
    let failedSend = false;
    await page.route('**/v1/conversations/*/messages', async (route) => {
      const body = route.request().method() === 'POST' ? (route.request().postDataJSON() as { message_type?: string }) : null;
      if (!failedSend && body?.message_type === 'image') {
        failedSend = true;
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"try later"}' });
      }
      return route.fallback();
    });

    await attach(page, [{ name: 'receipt.png', mimeType: 'image/png', buffer: TINY_PNG }]);
    const failure = page.getByRole('alert').filter({ hasText: 'receipt.png was not uploaded.' });
    await failure.waitFor();
    expect(await storedImages(conversationId)).toHaveLength(0);
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect.poll(async () => (await storedImages(conversationId)).length, { timeout: WAIT }).toBe(1);
    await w.log.locator('[data-status="sent"]', { has: page.getByRole('button', { name: 'Image from You' }) }).waitFor();
    await failure.waitFor({ state: 'hidden' });

    expect(failedSend).toBe(true);
    expect(uploads).toHaveLength(2);
    // Both sends of the image: the same upload result, the same Idempotency-Key.
    expect(imageSends.length).toBeGreaterThanOrEqual(2);
    const urls = new Set(imageSends.map((r) => (r.postDataJSON() as { media_url: string }).media_url));
    const keys = new Set(imageSends.map((r) => r.headers()['idempotency-key']));
    expect(urls.size).toBe(1);
    expect(keys.size).toBe(1);
    expect((await storedImages(conversationId))[0]!.media_url).toBe([...urls][0]);
    expect(await w.log.getByRole('button', { name: 'Image from You' }).count()).toBe(1);
  });
});
