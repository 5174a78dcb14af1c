import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { openThread, type } from './helpers/widget.ts';

/**
 * A row is keyed from the moment it is written: when the server confirms the message (its answer or its realtime
 * echo, whichever comes first), the same element changes its status; it is never replaced by a second one (which
 * would lose focus, a selection, or a screen reader's place).
 */
describe('a message row from pending to sent', () => {
  const suite = useBrowserSuite();

  /** Holds every POST to `url` until the returned function is called. */
  async function holdPosts(page: Awaited<ReturnType<typeof suite.person>>['page'], url: string): Promise<() => void> {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(url, async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.fallback();
    });
    return release;
  }

  async function pendingRow(page: Awaited<ReturnType<typeof suite.person>>['page'], text: string) {
    const w = await openThread(page);
    await type(w, text);
    const row = w.log.locator('[data-status="pending"][data-mine="true"]', { hasText: text });
    await row.waitFor();
    return { w, handle: (await row.elementHandle())! };
  }

  it('is the same element once the answer confirms it', async () => {
    const { page } = await suite.person('/');
    const release = await holdPosts(page, '**/v1/conversations/*/messages');
    const { w, handle } = await pendingRow(page, 'Confirmed by the answer');
    release();
    await w.log.locator('[data-status="sent"]', { hasText: 'Confirmed by the answer' }).waitFor();
    expect(await handle.evaluate((el) => [el.isConnected, el.getAttribute('data-status')])).toEqual([true, 'sent']);
    expect(await w.message('Confirmed by the answer').count()).toBe(1);
  });

  it('is the same element from a first visit, where the send creates the conversation, to sent; and the message box keeps focus', async () => {
    const { page } = await suite.person('/');
    // The conversation's creation is held, so the row is taken while the thread is still the draft.
    const release = await holdPosts(page, '**/v1/conversations');
    const { w, handle } = await pendingRow(page, 'The first words of a first visit');
    const box = (await w.messageBox.elementHandle())!;
    release();
    await w.log.locator('[data-status="sent"]', { hasText: 'The first words of a first visit' }).waitFor();
    expect(await handle.evaluate((el) => [el.isConnected, el.getAttribute('data-status')])).toEqual([true, 'sent']);
    expect(await box.evaluate((el) => el.isConnected && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await w.message('The first words of a first visit').count()).toBe(1);
  });

  it('is the same element when the realtime echo arrives before the answer', async () => {
    const { page } = await suite.person('/');
    let send: () => void = () => {};
    const sending = new Promise<void>((resolve) => (send = resolve));
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/v1/conversations/*/messages', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      // Held until the pending row is taken; then the server has the message (and broadcasts it) while its
      // answer is held until the echo has shown the row as sent.
      await sending;
      const response = await route.fetch();
      await answered;
      await route.fulfill({ response });
    });
    const w = await openThread(page);
    // The channel must be joined for the echo to arrive.
    await w.reconnecting.waitFor({ state: 'hidden' });
    await type(w, 'Confirmed by the echo');
    const row = w.log.locator('[data-status="pending"][data-mine="true"]', { hasText: 'Confirmed by the echo' });
    await row.waitFor();
    const handle = (await row.elementHandle())!;
    send();
    await w.log.locator('[data-status="sent"]', { hasText: 'Confirmed by the echo' }).waitFor();
    expect(await handle.evaluate((el) => [el.isConnected, el.getAttribute('data-status')])).toEqual([true, 'sent']);
    const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/messages'));
    answer();
    await response;
    expect(await handle.evaluate((el) => [el.isConnected, el.getAttribute('data-status')])).toEqual([true, 'sent']);
    expect(await w.message('Confirmed by the echo').count()).toBe(1);
  });
});
