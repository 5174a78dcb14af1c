import { describe, expect, it } from 'vitest';
import { history, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget } from './helpers/widget.ts';

/**
 * The support inbox (`/inbox.html`): the same widget inline as user "support". A support person
 * sees their conversations with who each is with, newest first with unread counts, conversations started after the
 * page loaded, replies and typing live both ways, and takes a conversation over from the agent.
 */
describe('the support inbox', () => {
  const suite = useBrowserSuite();

  it('lists a visitor who writes after it loaded, named and unread, newest first; replies and typing go both ways live', async () => {
    const { page: inboxPage } = await suite.person('/inbox.html');
    const inbox = widget(inboxPage);
    await inbox.inlinePanel.waitFor();
    await inbox.newConversation.waitFor();

    // Two visitors write after the inbox loaded: their conversations are not in the list it loaded.
    const { page: adaPage } = await suite.person('/');
    const ada = await openThread(adaPage);
    const adaSent = adaPage.waitForRequest(isSend);
    await type(ada, 'Hello, parcel ACME-111 is late');
    const adaConversation = conversationOf(await adaSent);
    const adaId = (await history(suite.live, adaConversation))[0]!.sender_id;
    const { page: bobPage } = await suite.person('/');
    const bob = await openThread(bobPage);
    await type(bob, 'Hi, can I change my address?');
    await bob.log.locator('[data-mine="true"][data-status="sent"]').waitFor();

    // The list is fetched again while it is on screen (every 15 s): both show up without a reload, each named
    // by the visitor it is with, each with its message unread. Bob wrote last, so Bob is first.
    const items = inbox.conversations.getByRole('button');
    const adaItem = items.filter({ hasText: 'ACME-111' });
    await adaItem.waitFor({ timeout: 40_000 });
    await items.filter({ hasText: 'change my address' }).waitFor();
    const visitorName = `Visitor ${adaId.slice('anon_'.length, 'anon_'.length + 6)}`;
    expect(await adaItem.textContent()).toContain(visitorName);
    await expect.poll(() => items.first().textContent(), { timeout: WAIT }).toContain('change my address');
    await inbox.conversations.getByRole('button', { name: new RegExp(`^${visitorName}, Support, Hello, parcel ACME-111 is late, .*, 1 unread$`) }).waitFor();

    // Ada writes again: live, her conversation moves to the top with 2 unread.
    await type(ada, 'It was due yesterday');
    await expect.poll(() => items.first().textContent(), { timeout: WAIT }).toContain('It was due yesterday');
    await inbox.conversations.getByRole('button', { name: /It was due yesterday, .*, 2 unread$/ }).waitFor();

    // Open it: both messages, sender named; the unread count goes.
    await items.first().click();
    await inbox.message('It was due yesterday').waitFor();
    expect(await inbox.message('ACME-111 is late').locator('.tc-msg-sender').textContent()).toBe(visitorName);

    // Typing, both ways: the support person's name on Ada's side, "Visitor" on the inbox's side.
    await inbox.messageBox.pressSequentially('Let me check');
    await adaPage.getByText('Sam (Acme support) is typing…').waitFor();
    await ada.messageBox.pressSequentially('Thanks');
    await inboxPage.getByText('Visitor is typing…').waitFor();

    // The reply reaches Ada live, from "Sam (Acme support)", once.
    await inbox.messageBox.fill('It is on the van today, arriving before 5 pm.');
    await inbox.messageBox.press('Enter');
    const reply = ada.message('arriving before 5 pm');
    await reply.waitFor();
    expect(await reply.getAttribute('data-mine')).toBe('false');
    expect(await reply.locator('.tc-msg-sender').textContent()).toBe('Sam (Acme support)');
    expect(await reply.count()).toBe(1);

    await inbox.back.click();
    await inbox.conversations.getByRole('button', { name: /arriving before 5 pm/ }).waitFor();
    expect(await inbox.conversations.getByRole('button', { name: /arriving before 5 pm/ }).textContent()).not.toContain('unread');
  });

  it('takes a conversation over from the agent: the assistant stops answering once support writes', async () => {
    const { page: visitorPage } = await suite.person('/agent.html');
    let completions = 0;
    visitorPage.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/chat/completions')) completions += 1;
    });
    const visitor = await openThread(visitorPage);
    const sent = visitorPage.waitForRequest(isSend);
    await type(visitor, 'How do I return a parcel?');
    const conversationId = conversationOf(await sent);
    // The assistant's finished reply, stored in the conversation.
    await visitor.log.locator('[data-mine="false"][data-status="sent"]').getByRole('list', { name: 'Sources' }).waitFor();
    expect(completions).toBe(1);

    // The inbox sees the conversation with the assistant's reply, named "Assistant".
    const { page: inboxPage } = await suite.person('/inbox.html');
    const inbox = widget(inboxPage);
    await inbox.conversations.getByRole('button').first().waitFor();
    const item = inbox.conversations.getByRole('button').filter({ has: inboxPage.locator(`xpath=self::*[@data-conversation-id="${conversationId}"]`) });
    await item.click();
    await inbox.message('How do I return a parcel?').waitFor();
    await expect.poll(() => inbox.log.locator('.tc-msg-sender').allTextContents(), { timeout: WAIT }).toContain('Assistant');

    // Support writes: the visitor's widget hands the conversation over ("Talk to a person" goes away).
    await type(inbox, 'Sam here: I can book the pickup for you.');
    await visitor.message('I can book the pickup').waitFor();
    await visitorPage.getByRole('button', { name: 'Talk to a person' }).waitFor({ state: 'detached' });

    // The visitor's next question goes to the person only: the inbox has it and answers, the agent is not asked.
    await type(visitor, 'Tomorrow morning, please.');
    await inbox.message('Tomorrow morning').waitFor();
    await type(inbox, 'Booked for tomorrow, 8-12.');
    await visitor.message('Booked for tomorrow').waitFor();
    expect(completions).toBe(1);
    const stored = await history(suite.live, conversationId);
    expect(stored.map((m) => (m.sender_id.startsWith('bot:') ? 'bot' : m.sender_id === 'support' ? 'support' : 'visitor'))).toEqual([
      'visitor',
      'bot',
      'support',
      'visitor',
      'support',
    ]);
  });
});
