import { describe, expect, it } from 'vitest';
import { history, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type } from './helpers/widget.ts';

describe('flaky networks', () => {
  const suite = useBrowserSuite();

  it('keeps a message written offline and delivers it exactly once when back online', async () => {
    const { context, page } = await suite.person('/');
    const w = await openThread(page);
    const firstSend = page.waitForRequest(isSend);
    await type(w, 'Online first');
    await w.log.locator('[data-status="sent"]', { hasText: 'Online first' }).waitFor();
    const conversationId = conversationOf(await firstSend);

    await context.setOffline(true);
    await type(w, 'Written offline');
    await w.message('Written offline').waitFor();
    expect(await w.log.locator('[data-status="sent"]', { hasText: 'Written offline' }).count()).toBe(0);

    await context.setOffline(false);
    await w.log.locator('[data-status="sent"]', { hasText: 'Written offline' }).waitFor();
    await expect.poll(async () => (await history(suite.live, conversationId)).filter((m) => m.body === 'Written offline').length, { timeout: WAIT }).toBe(1);
    expect(await w.message('Written offline').count()).toBe(1);

    await page.reload();
    await w.message('Written offline').waitFor();
    expect(await w.message('Written offline').count()).toBe(1);
    expect((await history(suite.live, conversationId)).map((m) => m.body)).toEqual(['Online first', 'Written offline']);
  });

  it('stores a send once when the server got it but its answer was lost', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    const firstSend = page.waitForRequest(isSend);
    await type(w, 'Hello');
    await w.log.locator('[data-status="sent"]', { hasText: 'Hello' }).waitFor();
    const conversationId = conversationOf(await firstSend);

    // The request reaches the server, which stores the message; the browser then sees a dropped connection.
    let dropped = false;
    await page.route('**/v1/conversations/*/messages', async (route) => {
      if (route.request().method() !== 'POST' || dropped) return route.fallback();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await type(w, 'Answer lost on the way back');
    // The widget may retry by itself or offer "Retry"; either way the message must end up stored once.
    const sentCopy = w.log.locator('[data-status="sent"]', { hasText: 'Answer lost' });
    const retry = w.message('Answer lost').getByRole('button', { name: 'Retry' });
    await sentCopy.or(retry).first().waitFor();
    if (await retry.isVisible()) await retry.click();
    await sentCopy.waitFor();
    expect(dropped).toBe(true);
    await expect
      .poll(async () => (await history(suite.live, conversationId)).filter((m) => m.body === 'Answer lost on the way back').length, {
        timeout: WAIT,
      })
      .toBe(1);
    expect(await w.message('Answer lost').count()).toBe(1);
  });
});
