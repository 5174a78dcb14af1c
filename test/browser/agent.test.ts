import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { history, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

/** Length of the reply streaming now (the log's last row), or -1 when there is none. */
function streamingLength(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('tiny-chat')?.shadowRoot?.querySelector('[data-agent-reply] .tc-md')?.textContent?.length ?? -1);
}

/** Waits until the streaming reply is longer than `than` characters and returns its length. */
async function growsBeyond(page: Page, than: number): Promise<number> {
  await page.waitForFunction((n) => (document.querySelector('tiny-chat')?.shadowRoot?.querySelector('[data-agent-reply] .tc-md')?.textContent?.length ?? -1) > n, than);
  return streamingLength(page);
}

const botMessages = (w: Widget) => w.log.locator('[data-message-id][data-mine="false"]');
const isAgentCall = (url: string) => new URL(url).pathname === '/v1/chat/completions';

describe('the agent demo page (data-bot-id="demo-bot")', () => {
  const suite = useBrowserSuite();

  it('streams a reply that can be stopped, answers again in full with sources, and keeps both after a reload', async () => {
    const { page } = await suite.person('/agent.html');
    const w = await openThread(page);
    const stop = page.getByRole('button', { name: 'Stop generating' });
    const sent = page.waitForRequest(isSend);
    await type(w, 'How do I return a parcel?');
    const conversationId = conversationOf(await sent);
    // The reply is fetched and read in the widget's stream worker (started at idle, kept for later replies).
    await expect.poll(() => page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/dist\/chunks\/sseWorker-[\w-]+\.js$/));

    // It streams: the text grows while "Stop generating" is on screen.
    await stop.waitFor();
    const first = await growsBeyond(page, 0);
    const later = await growsBeyond(page, first);
    expect(later).toBeGreaterThan(first);
    expect(await stop.isVisible()).toBe(true);
    await stop.click();
    await stop.waitFor({ state: 'detached' });
    // The stopped reply is now a message from the bot in the log, sent, not the visitor's.
    await botMessages(w).locator('xpath=self::*[@data-status="sent"]').first().waitFor();
    expect(await botMessages(w).count()).toBe(1);
    const stoppedText = (await botMessages(w).first().locator('.tc-md').textContent()) ?? '';
    expect(stoppedText.length).toBeGreaterThanOrEqual(later);

    // Asked again, it finishes: sources listed under the reply, announced once in the polite live region.
    await type(w, 'How long does delivery take?');
    await stop.waitFor();
    await stop.waitFor({ state: 'detached' });
    await w.log.locator('[data-message-id][data-mine="false"][data-status="sent"]').nth(1).waitFor();
    const answer = botMessages(w).nth(1);
    const sources = answer.getByRole('list', { name: 'Sources' });
    await sources.waitFor();
    expect(await sources.getByRole('link').count()).toBeGreaterThan(0);
    const href = await sources.getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kb\//);
    const announcer = page.locator('tiny-chat [aria-live="polite"][aria-relevant="additions"]');
    await page.waitForFunction(() =>
      /^Assistant: /.test(document.querySelector('tiny-chat')?.shadowRoot?.querySelector('.tc-visually-hidden[aria-live="polite"][aria-relevant="additions"]')?.textContent ?? ''),
    );
    // One announcement (its own node in the region) per reply that landed in the log: the stopped one and this
    // one, each once, never token by token.
    await expect.poll(() => announcer.locator('p').allTextContents(), { timeout: WAIT }).toHaveLength(2);
    const said = await announcer.locator('p').allTextContents();
    expect(said.every((line) => line.startsWith('Assistant: '))).toBe(true);
    expect(said[1]).not.toContain('Sources:');

    // Kept in the conversation: the server has both, from bot:demo-bot, the second with its Sources section.
    const stored = await history(suite.live, conversationId);
    expect(stored.map((m) => (m.sender_id.startsWith('bot:') ? 'bot' : 'visitor'))).toEqual(['visitor', 'bot', 'visitor', 'bot']);
    expect(stored[1]?.sender_id).toBe('bot:demo-bot');
    expect(stored[3]?.body).toMatch(/\n\nSources:\n- \[/);

    await page.reload();
    const after = widget(page);
    await after.panel.waitFor();
    await after.log.locator('[data-message-id][data-mine="false"]').nth(1).waitFor();
    expect(await botMessages(after).count()).toBe(2);
    expect(await botMessages(after).first().locator('.tc-md').textContent()).toBe(stoppedText);
    await botMessages(after).nth(1).getByRole('list', { name: 'Sources' }).waitFor();
    // Markdown, not raw: no "Sources:" text or "- [" link syntax shows in the rendered message.
    expect(await botMessages(after).nth(1).textContent()).not.toContain('- [');
  });

  it('a page without bot-id never loads the agent chunk nor asks the agent', async () => {
    const { page } = await suite.person('about:blank');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/');
    const w = await openThread(page);
    await type(w, 'Just a person, please.');
    await w.message('Just a person, please.').locator('xpath=self::*[@data-status="sent"]').waitFor();
    expect(requested.some((p) => /^\/dist\/chunks\/widget-[\w-]+\.mjs$/.test(p))).toBe(true);
    expect(requested.filter((p) => /\/dist\/chunks\/agent-/.test(p) || p === '/v1/chat/completions')).toEqual([]);
    expect(await page.getByRole('button', { name: 'Talk to a person' }).count()).toBe(0);
  });

  it('"Talk to a person" tells the other side and stops the agent in that conversation', async () => {
    const { page } = await suite.person('/agent.html');
    const agentCalls: string[] = [];
    page.on('request', (r) => {
      if (isAgentCall(r.url())) agentCalls.push(r.url());
    });
    const w = await openThread(page);
    const talk = page.getByRole('button', { name: 'Talk to a person' });
    await talk.waitFor();
    const sent = page.waitForRequest(isSend);
    await type(w, 'Can I change my delivery address?');
    const conversationId = conversationOf(await sent);
    await w.log.locator('[data-message-id][data-mine="false"][data-status="sent"]').first().waitFor();
    expect(agentCalls).toHaveLength(1);

    await talk.click();
    await w.message('I would like to talk to a person, please.').locator('xpath=self::*[@data-status="sent"]').waitFor();
    await talk.waitFor({ state: 'detached' });
    await type(w, 'My order is ACME-123456789.');
    await w.message('ACME-123456789').locator('xpath=self::*[@data-status="sent"]').waitFor();
    const stored = await history(suite.live, conversationId);
    expect(stored.map((m) => m.body)).toEqual([
      'Can I change my delivery address?',
      expect.any(String),
      'I would like to talk to a person, please.',
      'My order is ACME-123456789.',
    ]);
    expect(agentCalls).toHaveLength(1);

    // Still handed over after a reload: no button, no agent.
    await page.reload();
    const after = widget(page);
    await after.panel.waitFor();
    await type(after, 'Hello?');
    await after.message('Hello?').locator('xpath=self::*[@data-status="sent"]').waitFor();
    expect(await page.getByRole('button', { name: 'Talk to a person' }).count()).toBe(0);
    expect(agentCalls).toHaveLength(1);
  });
});
