import { describe, expect, it } from 'vitest';
import { history, sendAs, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type } from './helpers/widget.ts';

describe('a server restart in the middle of a conversation', () => {
  const suite = useBrowserSuite();

  it('shows "Reconnecting…", then delivers what was written meanwhile once, misses nothing and doubles nothing', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    const firstSend = page.waitForRequest(isSend);
    await type(w, 'Before the restart');
    await w.log.locator('[data-status="sent"]', { hasText: 'Before the restart' }).waitFor();
    const conversationId = conversationOf(await firstSend);
    await sendAs(suite.live, conversationId, 'support', 'Support, before the restart');
    await w.message('Support, before the restart').waitFor();

    await suite.live.stop();
    await w.reconnecting.waitFor();
    await type(w, 'Written while the server was down');
    await w.message('Written while the server was down').waitFor();
    // Whatever it shows meanwhile (pending or failed), what was typed is on screen and not lost.
    expect(await w.message('Written while the server was down').count()).toBe(1);

    await suite.live.start();
    // Sent at once, perhaps before the widget has joined its channel again: it must catch up from history.
    await sendAs(suite.live, conversationId, 'support', 'Support, right after the restart');
    await w.reconnecting.waitFor({ state: 'hidden' });
    await w.log.locator('[data-status="sent"]', { hasText: 'Written while the server was down' }).waitFor();
    await w.message('Support, right after the restart').waitFor();

    const expected = ['Before the restart', 'Support, before the restart', 'Written while the server was down', 'Support, right after the restart'];
    await expect.poll(async () => (await history(suite.live, conversationId)).map((m) => m.body).sort(), { timeout: WAIT }).toEqual([...expected].sort());
    for (const text of expected) expect(await w.message(text).count(), text).toBe(1);
    expect(await w.messages.count()).toBe(expected.length);

    // The same after a reload: what the server has is what the thread shows.
    await page.reload();
    await w.message('Support, right after the restart').waitFor();
    await expect.poll(() => w.messages.count(), { timeout: WAIT }).toBe(expected.length);
    for (const text of expected) expect(await w.message(text).count(), text).toBe(1);
  });
});
