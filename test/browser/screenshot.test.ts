import { mkdir, readFile, rename } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type } from './helpers/widget.ts';

/** The README's screenshot: taken on every run of the browser tests, so it shows the widget as it is. */
const SCREENSHOT = new URL('../../docs/screenshot.png', import.meta.url);

describe('the README screenshot', () => {
  const suite = useBrowserSuite();

  it('is the demo page with the panel open on a short conversation with support', async () => {
    const { context, page } = await suite.person('/');
    await page.setViewportSize({ width: 1200, height: 760 });
    const visitor = await openThread(page);

    const sent = page.waitForRequest(isSend);
    await type(visitor, 'Hi! Where is my parcel ACME-100200300?');
    const conversationId = conversationOf(await sent);
    await visitor.log.locator('[data-mine="true"][data-status="sent"]').waitFor();

    // Support answers as the inbox would: a typing event with their name (so the widget knows "Sam"), then the reply.
    const typing = await suite.live.api(`/v1/conversations/${conversationId}/typing`, {
      method: 'POST',
      json: { sender_id: 'support', sender_name: 'Sam' },
    });
    expect(typing.status).toBe(202);
    await page.getByText('Sam is typing…').waitFor();
    const reply = await suite.live.api(`/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      json: { sender_id: 'support', body: 'Hi! It is on the van today and arrives before 5 pm. Want a text when the driver is close?' },
    });
    expect(reply.status).toBe(201);
    await visitor.message('arrives before 5 pm').locator('text=Sam').waitFor();
    await type(visitor, 'Yes please, thank you!');
    await visitor.log.locator('[data-mine="true"][data-status="sent"]', { hasText: 'Yes please' }).waitFor();

    // Steady state for the picture: no focus ring in the message box, no animation mid-way.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(1, 1);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await mkdir(new URL('.', SCREENSHOT), { recursive: true });
    // Written beside it and renamed, so a reader of the file never sees half a PNG.
    const partial = new URL('screenshot.png.part', SCREENSHOT);
    await page.screenshot({ path: partial.pathname, type: 'png' });
    await rename(partial, SCREENSHOT);
    const png = await readFile(SCREENSHOT);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    await context.close();
  });
});
