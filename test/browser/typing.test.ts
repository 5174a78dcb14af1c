import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite, WAIT } from './helpers/suite.ts';
import { openThread, type, widget } from './helpers/widget.ts';

const isTyping = (r: Request) => r.method() === 'POST' && /\/v1\/conversations\/[^/]+\/typing$/.test(new URL(r.url()).pathname);

/** Every POST …/typing a page makes, with the browser's own start time of each (after it finished). */
function countTyping(page: Page): { starts(): Promise<number[]>; readonly count: number } {
  const requests: Request[] = [];
  page.on('request', (r) => {
    if (isTyping(r)) requests.push(r);
  });
  return {
    get count() {
      return requests.length;
    },
    async starts() {
      await Promise.all(requests.map((r) => r.response()));
      return requests.map((r) => r.timing().startTime);
    },
  };
}

/** The inbox (user "support", inline) with the visitor's conversation open, found by its last message. */
async function openInInbox(suite: ReturnType<typeof useBrowserSuite>, lastMessage: string) {
  const { page } = await suite.person('/inbox.html');
  const support = widget(page);
  await support.inlinePanel.waitFor();
  await support.conversations.getByRole('button').filter({ hasText: lastMessage }).click();
  await support.message(lastMessage).waitFor();
  return { page, support };
}

describe('typing indicators over the real realtime server', () => {
  const suite = useBrowserSuite();

  it('an anonymous visitor typing shows "Visitor 1a2b3c is typing…" in the inbox (the name its row has), one event per 2.5 s at most, cleared about 3 s after the last', async () => {
    const { page } = await suite.person('/');
    const visitor = await openThread(page);
    await type(visitor, 'Hello, is anyone there?');
    await visitor.log.locator('[data-status="sent"]', { hasText: 'anyone there' }).waitFor();
    const { support } = await openInInbox(suite, 'Hello, is anyone there?');
    // The line names the visitor as the inbox's rows do: "Visitor" and the start of their anonymous id.
    const indicator = support.inlinePanel.getByText(/^Visitor [0-9a-z]{6} is typing…$/);
    // Whatever the box's first fill announced has ended before the measured typing starts.
    await indicator.waitFor({ state: 'hidden' });

    const typing = countTyping(page);
    // About six seconds of continuous typing, a key every 150 ms.
    const started = Date.now();
    const typed = visitor.messageBox.pressSequentially('I am typing a rather long question here..', { delay: 150 });
    await indicator.waitFor();
    const name = (await indicator.textContent())!.replace(' is typing…', '');
    await support.conversations.getByRole('button').filter({ hasText: name }).first().waitFor();
    // Own events are ignored: the visitor's channel carries the same event, and the visitor sees no line.
    expect(await page.locator('.tc-typing').count()).toBe(0);
    await typed;
    const typedFor = Date.now() - started;
    expect(typedFor).toBeGreaterThan(5_000);

    const starts = await typing.starts();
    // Throttled: at most one event per 2.5 s, so never more than one per started 2.5 s of typing.
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(starts.length).toBeLessThanOrEqual(Math.floor(typedFor / 2_500) + 1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(2_400);

    // Still shown while the last event is fresh; gone by itself about 3 s after it (no message was sent).
    await indicator.waitFor({ state: 'hidden', timeout: WAIT });
    const last = starts.at(-1)!;
    expect(Date.now() - last).toBeGreaterThanOrEqual(2_900);
    expect(typing.count).toBe(starts.length);
    expect(await support.log.locator('[data-message-id]').count()).toBe(1);
  });

  it('the support person typing shows their name to the visitor, and a sent message ends the line at once', async () => {
    const { page } = await suite.person('/');
    const visitor = await openThread(page);
    await type(visitor, 'Question about my invoice');
    await visitor.log.locator('[data-status="sent"]', { hasText: 'invoice' }).waitFor();
    const { page: inbox, support } = await openInInbox(suite, 'Question about my invoice');

    const typing = countTyping(inbox);
    await support.messageBox.pressSequentially('Let me check', { delay: 50 });
    const indicator = visitor.panel.getByText('Sam (Acme support) is typing…', { exact: true });
    await indicator.waitFor();
    expect(await inbox.locator('.tc-typing').count()).toBe(0);
    expect(typing.count).toBe(1);

    await support.messageBox.press('Enter');
    await visitor.message('Let me check').waitFor();
    // The message itself ends its sender's typing line, without waiting for the 3 s.
    await indicator.waitFor({ state: 'hidden' });
  });

  it('a signed-in visitor is shown by the name the site gave', async () => {
    const { page } = await suite.person('/');
    await page.route('**/named.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Signed in</title></head><body><main><h1>Account</h1></main>
<script src="/dist/tinychat.js" data-api-key="pk_test_demo" data-user-id="u_ada" data-user-name="Ada Lovelace" async></script></body></html>`,
      }),
    );
    await page.goto('/named.html');
    const visitor = await openThread(page);
    await type(visitor, 'Ada here, about order 42');
    await visitor.log.locator('[data-status="sent"]', { hasText: 'order 42' }).waitFor();
    const { support } = await openInInbox(suite, 'Ada here, about order 42');
    // Typed for over 2.5 s, so an event goes out after the inbox has joined the channel whatever the throttle held.
    const typed = visitor.messageBox.pressSequentially('And one more thing', { delay: 200 });
    await support.inlinePanel.getByText('Ada Lovelace is typing…', { exact: true }).waitFor();
    await typed;
  });
});
