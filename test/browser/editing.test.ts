import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { history, sendAs, useBrowserSuite } from './helpers/suite.ts';
import { conversationOf, deepFocus, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

/** The row of the message whose text is exactly `text` (its bubble's text, not a quote of it). */
const row = (w: Widget, text: string) => w.log.locator('[data-message-id]', { has: w.log.page().locator('.tc-msg-text', { hasText: new RegExp(`^${text}$`) }) });

/** A visitor with a thread holding `first`, and the inbox with that conversation open. */
async function visitorAndInbox(suite: ReturnType<typeof useBrowserSuite>, first: string) {
  const { page } = await suite.person('/');
  const visitor = await openThread(page);
  const sent = page.waitForRequest(isSend);
  await type(visitor, first);
  const request = await sent;
  const conversationId = conversationOf(request);
  const visitorId = (request.postDataJSON() as { sender_id: string }).sender_id;
  await visitor.log.locator('[data-status="sent"]', { hasText: first }).waitFor();
  const { page: inboxPage } = await suite.person('/inbox.html');
  const support = widget(inboxPage);
  await support.inlinePanel.waitFor();
  await support.conversations.getByRole('button').filter({ hasText: first }).click();
  await support.message(first).waitFor();
  return { page, visitor, inboxPage, support, conversationId, visitorId };
}

const focusedLabel = async (page: Page) => (await deepFocus(page))?.label ?? null;

describe('edit, delete and reply', () => {
  const suite = useBrowserSuite();

  it('edits one\'s own message in place from the keyboard; the other side sees the new text marked "edited" live', async () => {
    const { page, visitor, support, conversationId } = await visitorAndInbox(suite, 'Pickup at 5 pm please');
    const mine = row(visitor, 'Pickup at 5 pm please');
    // Only one's own messages can be edited or deleted; anyone's can be answered.
    await mine.getByRole('button', { name: 'Edit' }).focus();
    await page.keyboard.press('Enter');
    const editor = visitor.log.getByRole('textbox', { name: 'Edit message' });
    await editor.waitFor();
    expect(await focusedLabel(page)).toBe('Edit message');
    expect(await editor.inputValue()).toBe('Pickup at 5 pm please');

    // Escape cancels the edit, not the panel.
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });
    await visitor.panel.waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Edit');

    await page.keyboard.press('Enter');
    await editor.fill('Pickup at 6 pm please');
    await editor.press('Enter');
    const edited = row(visitor, 'Pickup at 6 pm please');
    await edited.waitFor();
    expect(await edited.locator('.tc-msg-edited').textContent()).toBe('(edited)');
    await expect.poll(() => focusedLabel(page)).toBe('Edit');

    // Live on the other side, no reload: same row, new text, marked edited.
    const theirs = row(support, 'Pickup at 6 pm please');
    await theirs.waitFor();
    expect(await theirs.getByText('(edited)').count()).toBe(1);
    expect(await support.messages.count()).toBe(1);
    expect(await theirs.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await theirs.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await theirs.getByRole('button', { name: 'Reply' }).count()).toBe(1);
    const stored = await history(suite.live, conversationId);
    expect(stored.map((m) => m.body)).toEqual(['Pickup at 6 pm please']);
  });

  it('deletes one\'s own message after a confirmation; both sides show "Message deleted" live', async () => {
    const { page, visitor, support, conversationId } = await visitorAndInbox(suite, 'Wrong address, ignore this');
    await type(visitor, 'Second line stays');
    await support.message('Second line stays').waitFor();
    const mine = row(visitor, 'Wrong address, ignore this');
    const id = await mine.getAttribute('data-message-id');
    // A mouse user points at the row first: its actions show (and take clicks) on hover.
    await mine.hover();
    await mine.getByRole('button', { name: 'Delete' }).click();
    const confirm = visitor.log.getByRole('group', { name: 'Delete this message?' });
    await confirm.waitFor();
    expect(await focusedLabel(page)).toBe('Yes, delete');
    // Cancel leaves it as it was.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await row(visitor, 'Wrong address, ignore this').count()).toBe(1);

    // A mouse user points at the row first: its actions show (and take clicks) on hover.
    await mine.hover();
    await mine.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    const gone = visitor.log.locator(`[data-message-id="${id}"]`);
    await gone.getByText('Message deleted').waitFor();
    await support.log.locator(`[data-message-id="${id}"]`).getByText('Message deleted').waitFor();
    expect(await support.message('Wrong address').count()).toBe(0);
    expect(await gone.getByRole('button').count()).toBe(0);
    // Soft-deleted on the server: history leaves it out.
    expect((await history(suite.live, conversationId)).map((m) => m.body)).toEqual(['Second line stays']);
  });

  it('replies with a quote bar (Cancel too); the reply carries reply_to and its quote jumps to the message', async () => {
    const { visitor, support, inboxPage, conversationId } = await visitorAndInbox(suite, 'Can you deliver on Saturday?');
    await type(visitor, 'Or Sunday morning.');
    await support.message('Or Sunday morning.').waitFor();

    // Reply, then Cancel: the bar goes and focus is in the message box.
    const asked = row(support, 'Can you deliver on Saturday\\?');
    await asked.hover();
    await asked.getByRole('button', { name: 'Reply' }).click();
    const bar = support.inlinePanel.getByRole('group', { name: /^Replying to / });
    await bar.waitFor();
    expect(await bar.textContent()).toContain('Can you deliver on Saturday?');
    expect(await focusedLabel(inboxPage)).toBe('Message');
    await bar.getByRole('button', { name: 'Cancel reply' }).click();
    await bar.waitFor({ state: 'hidden' });

    await asked.hover();
    await asked.getByRole('button', { name: 'Reply' }).click();
    await bar.waitFor();
    await type(support, 'Saturday works, between 9 and 12.');
    await bar.waitFor({ state: 'hidden' });
    // Stored before it is read back: without idempotency keys (hosted mode) a send checks history first.
    await support.log.locator('[data-status="sent"]', { hasText: 'Saturday works' }).waitFor();
    const stored = await history(suite.live, conversationId);
    const question = stored.find((m) => m.body === 'Can you deliver on Saturday?')!;
    const answer = stored.find((m) => m.body === 'Saturday works, between 9 and 12.') as { reply_to?: string | null } | undefined;
    expect(answer?.reply_to).toBe(question.id);

    // The visitor sees the reply with its quote (sender and excerpt) and the quote brings the question into focus.
    const reply = row(visitor, 'Saturday works, between 9 and 12.');
    await reply.waitFor();
    const quote = reply.getByRole('button', { name: 'Show the message this answers, from You: Can you deliver on Saturday?' });
    await quote.click();
    const target = visitor.log.locator(`[data-message-id="${question.id}"]`);
    await expect.poll(() => target.getAttribute('data-highlight')).toBe('true');
    expect(await target.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
  });

  it('a quote of a message older than the loaded pages loads them until it is found; one no longer there says so', async () => {
    const { page, conversationId, visitorId } = await visitorAndInbox(suite, 'The very first question');
    const first = (await history(suite.live, conversationId))[0]!;
    const doomed = await sendAs(suite.live, conversationId, visitorId, 'A message deleted later');
    for (let i = 1; i <= 120; i++) await sendAs(suite.live, conversationId, 'support', `Filler ${i}`);
    const reply = async (to: string, body: string) => {
      const res = await suite.live.api(`/v1/conversations/${conversationId}/messages`, { method: 'POST', json: { sender_id: 'support', body, reply_to: to } });
      expect(res.status).toBe(201);
    };
    await reply(first.id, 'About your first question');
    await reply(doomed.id, 'About the deleted one');
    const del = await suite.live.api(`/v1/conversations/${conversationId}/messages/${doomed.id}`, { method: 'DELETE', json: { sender_id: visitorId } });
    expect(del.status).toBe(200);

    // A fresh load holds only the newest page: the first question is two pages back.
    await page.reload();
    const w = widget(page);
    await w.message('About your first question').waitFor();
    expect(await w.log.locator(`[data-message-id="${first.id}"]`).count()).toBe(0);
    const quote = row(w, 'About your first question').getByRole('button', { name: 'Show the earlier message this answers' });
    await quote.click();
    const target = w.log.locator(`[data-message-id="${first.id}"]`);
    await expect.poll(() => target.getAttribute('data-highlight')).toBe('true');
    expect(await target.textContent()).toContain('The very first question');
    // Scrolled into the log's view, not merely rendered.
    const [box, view] = await Promise.all([target.boundingBox(), w.log.boundingBox()]);
    expect(box!.y).toBeGreaterThanOrEqual(view!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(view!.y + view!.height);
    expect(await target.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);

    // Back down (the list renders only rows near the view) to the reply that quotes the deleted message.
    await page.getByRole('button', { name: /jump to latest/i }).click();
    await w.message('About the deleted one').waitFor();
    await row(w, 'About the deleted one').getByRole('button', { name: 'Show the earlier message this answers' }).click();
    await page.getByRole('status').filter({ hasText: 'That message is not available any more.' }).waitFor();
  });
});
