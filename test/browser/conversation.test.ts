import { describe, expect, it } from 'vitest';
import { history, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget } from './helpers/widget.ts';

describe('the script-tag demo page with a support person in another window', () => {
  const suite = useBrowserSuite();

  it('sends (pending, then sent), gets a live reply from the inbox, and keeps thread and open state across a reload', async () => {
    const { page } = await suite.person('/');
    const visitor = await openThread(page);

    // The first send is held at the network edge so its pending state can be seen for certain.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/conversations/*/messages', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.fallback();
    });
    const sent = page.waitForRequest(isSend);
    await type(visitor, 'Where is parcel ACME-100200300?');
    await visitor.log.locator('[data-status="pending"][data-mine="true"]', { hasText: 'ACME-100200300' }).waitFor();
    expect(await visitor.messageBox.inputValue()).toBe('');
    release();
    await visitor.log.locator('[data-status="sent"][data-mine="true"]', { hasText: 'ACME-100200300' }).waitFor();
    const conversationId = conversationOf(await sent);
    await page.unroute('**/v1/conversations/*/messages');

    // The other side: the inbox page as "support", in its own context.
    const { page: inboxPage } = await suite.person('/inbox.html');
    const support = widget(inboxPage);
    await support.inlinePanel.waitFor();
    await support.conversations.getByRole('button').filter({ hasText: 'ACME-100200300' }).click();
    await support.message('ACME-100200300').waitFor();
    await type(support, 'It is on the van, arriving before 5 pm.');
    await support.log.locator('[data-status="sent"][data-mine="true"]', { hasText: 'before 5 pm' }).waitFor();

    // Live, with no reload: the reply arrives in the visitor's open thread, once, as someone else's.
    const reply = visitor.message('before 5 pm');
    await reply.waitFor();
    expect(await reply.getAttribute('data-mine')).not.toBe('true');
    expect(await reply.count()).toBe(1);

    // And back: the visitor's next line reaches the support window live.
    await type(visitor, 'Thanks, I will be home.');
    await support.message('I will be home').waitFor();
    // The realtime echo of one's own message reached the support window, so it reached this one too: still one.
    expect(await visitor.message('I will be home').count()).toBe(1);

    await page.reload();
    const after = widget(page);
    // Open state survives: no click, the thread is on screen with its whole history, each message once.
    await after.panel.waitFor();
    await after.message('Thanks, I will be home').waitFor();
    for (const text of ['ACME-100200300', 'before 5 pm', 'I will be home']) {
      expect(await after.message(text).count(), text).toBe(1);
    }
    await expect.poll(() => after.messages.count(), { timeout: WAIT }).toBe(3);
    const stored = await history(suite.live, conversationId);
    expect(stored.map((m) => [m.sender_id === 'support', m.body])).toEqual([
      [false, 'Where is parcel ACME-100200300?'],
      [true, 'It is on the van, arriving before 5 pm.'],
      [false, 'Thanks, I will be home.'],
    ]);
  });

  it('closes with Escape and opens again on the same thread', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    await type(w, 'A question about returns');
    await w.log.locator('[data-status="sent"]', { hasText: 'returns' }).waitFor();
    await w.messageBox.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    expect(await w.openButton.getAttribute('aria-expanded')).toBe('false');
    await w.openButton.click();
    await w.message('A question about returns').waitFor();
    expect(await w.closeButton.getAttribute('aria-expanded')).toBe('true');
  });
});
