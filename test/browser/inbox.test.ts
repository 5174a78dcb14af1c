import { describe, expect, it } from 'vitest';
import { history, HOSTED, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

/**
 * The support inbox (`/inbox.html`): the same widget inline as user "support". A support person
 * sees their conversations with who each is with, newest first with unread counts, conversations started after the
 * page loaded, replies and typing live both ways, and takes a conversation over from the agent.
 */
describe('the support inbox', () => {
  const suite = useBrowserSuite();

  /** The demo site with a signed-in visitor: the page identifies them by id and name (`TinyChat('identify')`). */
  const namedVisitor = async (userId: string, name: string) => {
    const { page } = await suite.person('/');
    await page.evaluate(([id, n]) => (window as unknown as { TinyChat: (...a: unknown[]) => void }).TinyChat('identify', { userId: id, name: n }), [userId, name]);
    return page;
  };
  /** An inbox device (its own context and storage), resolved once its own channel `user:support` has joined. */
  const inboxDevice = async () => {
    const context = await suite.browser.newContext({ baseURL: suite.live.url });
    context.setDefaultTimeout(WAIT);
    const page = await context.newPage();
    const joined = new Promise<void>((resolve) => {
      page.on('websocket', (ws) =>
        ws.on('framereceived', ({ payload }) => {
          if (typeof payload === 'string' && payload.includes('"realtime:user:support"') && payload.includes('"phx_reply"') && payload.includes('"ok"')) resolve();
        }),
      );
    });
    await page.goto('/inbox.html');
    await joined;
    return page;
  };

  // Server read state, Seen and the user channel that brings new conversations live are ours.
  it.skipIf(HOSTED)("two devices of the support user: a visitor's first message reaches both at once, named; reading on one clears the other; the visitor sees Seen", async () => {
    // Two devices of Sam: two browser contexts, so two storages; only the server can tell one what the other read.
    const laptopPage = await inboxDevice();
    const phonePage = await inboxDevice();
    const laptop = widget(laptopPage);
    const phone = widget(phonePage);
    await laptop.inlinePanel.waitFor();
    await phone.inlinePanel.waitFor();
    // No "New conversation" for support.
    expect(await laptop.newConversation.count()).toBe(0);

    const adaPage = await namedVisitor(`ada_${Date.now()}`, 'Ada Lovelace');
    const ada = await openThread(adaPage);
    const sent = adaPage.waitForRequest(isSend);
    await type(ada, 'Hello, parcel ACME-111 is late');
    const conversationId = conversationOf(await sent);
    await ada.message('ACME-111').and(adaPage.locator('[data-status="sent"]')).waitFor();

    // Both inboxes list it without a reload or waiting for the 15 s list fetch: named, unread, waiting, no kind tag.
    const row = (w: Widget) => w.conversations.locator(`[data-conversation-id="${conversationId}"]`);
    await row(laptop).waitFor();
    await row(phone).waitFor();
    for (const w of [laptop, phone]) {
      await w.conversations.getByRole('button', { name: /^Ada Lovelace, Hello, parcel ACME-111 is late, Waiting 1 min, .*, 1 unread$/ }).waitFor();
    }
    // Laid out as rows (the list's CSS comes with the inbox): name and time on one line, the message under them.
    expect(await row(laptop).evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    expect(
      await row(laptop)
        .locator('.tc-conv-sep')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize),
    ).toBe('0px');

    // The laptop opens it (list beside the thread): the header names the visitor; the phone's count drops live;
    // Ada sees "Seen" under her message.
    await row(laptop).click();
    await laptop.message('ACME-111').waitFor();
    expect(await laptopPage.getByRole('heading', { name: 'Ada Lovelace' }).count()).toBe(1);
    await expect.poll(() => row(phone).textContent(), { timeout: WAIT }).not.toContain('unread');
    await ada.log.getByText('Seen', { exact: true }).waitFor();
    expect(await ada.message('ACME-111').locator('.tc-msg-seen').count()).toBe(1);
    expect(await laptop.conversations.count()).toBe(1);

    // The reply reaches Ada; the conversation no longer waits.
    await type(laptop, 'It is on the van today, arriving before 5 pm.');
    await laptop.message('arriving before 5 pm').and(laptopPage.locator('[data-status="sent"]')).waitFor();
    await ada.message('arriving before 5 pm').waitFor();
    await expect.poll(() => row(phone).textContent(), { timeout: WAIT }).not.toMatch(/Waiting/);
    const stored = await history(suite.live, conversationId);
    expect(stored.map((m) => m.body)).toEqual(['Hello, parcel ACME-111 is late', 'It is on the van today, arriving before 5 pm.']);
  });

  it('by keyboard: Up/Down through the list, Enter opens beside it, Escape goes back to the list', async () => {
    const { page: visitorPage } = await suite.person('/');
    const visitor = await openThread(visitorPage);
    await type(visitor, 'Keyboard test, first');
    await visitor.log.locator('[data-mine="true"][data-status="sent"]').waitFor();
    const { page: otherPage } = await suite.person('/');
    const other = await openThread(otherPage);
    await type(other, 'Keyboard test, second');
    await other.log.locator('[data-mine="true"][data-status="sent"]').waitFor();

    const { page } = await suite.person('/inbox.html');
    const inbox = widget(page);
    const first = inbox.conversations.getByRole('button', { name: /Keyboard test, second/ });
    const second = inbox.conversations.getByRole('button', { name: /Keyboard test, first/ });
    await first.waitFor();
    await second.waitFor();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await second.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await inbox.message('Keyboard test, first').waitFor();
    // Two panes: the list stays beside the thread, the open row is marked and the message box has focus.
    expect(await second.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => inbox.messageBox.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => second.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.screenshot({ path: 'test-results/inbox-two-panes.png' }).catch(() => undefined);
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
