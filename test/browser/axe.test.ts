import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOSTED, sendAs, useBrowserSuite } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

/**
 * axe-core on every demo page, with the widget closed and open on a thread holding messages from both sides
 *. axe walks open shadow roots itself, so the widget's insides are checked with the page.
 * axe runs its default rules (WCAG 2.0-2.2 A/AA and best practices), in light and dark themes.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** axe's violations on the page as it is now, one readable paragraph each ("" when there are none). */
async function violations(page: Page): Promise<string> {
  // Evaluated through the DevTools protocol, which a page's CSP does not govern: the strict-CSP page is checked as served.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE);
  const found = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as AxeViolation[];
  return found
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help} ${v.helpUrl}`,
        ...v.nodes.map((n) => `  at ${JSON.stringify(n.target)}: ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Asserts no violations, naming the page and state so a failure says where to look. */
async function expectClean(page: Page, where: string): Promise<void> {
  // Wait for the panel's entrance animation to end: axe reads colours mid-fade as lower contrast than they are.
  // The widget's own live in its shadow root; a view that appears a frame later starts its animation then.
  await page.evaluate(async () => {
    const all = () => [...document.getAnimations(), ...[...document.querySelectorAll('tiny-chat')].flatMap((el) => el.shadowRoot?.getAnimations() ?? [])];
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await Promise.all(all().map((a) => a.finished.catch(() => undefined)));
    }
  });
  expect(await violations(page), `axe on ${where}`).toBe('');
}

/** A thread with a line from the visitor and an answer from support (REST, as the inbox would send it). */
async function conversationWithSupport(page: Page, w: Widget, live: Parameters<typeof sendAs>[0]): Promise<void> {
  const sent = page.waitForRequest(isSend);
  await type(w, 'Where is parcel ACME-100200300?');
  const conversationId = conversationOf(await sent);
  await w.log.locator('[data-mine="true"][data-status="sent"]').waitFor();
  await sendAs(live, conversationId, 'support', 'It is on the van, arriving before 5 pm.');
  await w.message('before 5 pm').waitFor();
}

describe('axe-core finds no violations on the demo pages, widget closed and open', () => {
  const suite = useBrowserSuite();

  for (const theme of ['light', 'dark'] as const) {
    it(`the script-tag page (/), ${theme} theme`, async () => {
      const { page } = await suite.person('/');
      if (theme === 'dark') await darken(page);
      const w = widget(page);
      await w.openButton.waitFor();
      await expectClean(page, `/ (${theme}) closed`);
      await openThread(page);
      await expectClean(page, `/ (${theme}) open, empty thread`);
      await conversationWithSupport(page, w, suite.live);
      await expectClean(page, `/ (${theme}) open, thread with both sides`);

      // A send the server refuses: the failed row with its sentence and Retry.
      await page.route('**/v1/conversations/*/messages', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: 'refused by the test' }) })
          : route.fallback(),
      );
      await type(w, 'This one is refused');
      await w.log.locator('[data-status="failed"]').getByRole('button', { name: 'Retry' }).waitFor();
      await expectClean(page, `/ (${theme}) open, a failed send with Retry`);
      await page.unroute('**/v1/conversations/*/messages');

      await w.back.click();
      await w.conversations.waitFor();
      await expectClean(page, `/ (${theme}) open, conversation list`);

      // Closed, with an unread answer on the launcher's badge.
      const conversationId = (await w.conversations.getByRole('button').first().getAttribute('data-conversation-id')) ?? '';
      await w.closeButton.click();
      await sendAs(suite.live, conversationId, 'support', 'One more thing: the driver calls first.');
      await page.getByRole('button', { name: /^Open chat, 1 unread/ }).waitFor();
      await expectClean(page, `/ (${theme}) closed, 1 unread`);
    });
  }

  it('the agent page (/agent.html): a finished reply with its sources', async () => {
    const { page } = await suite.person('/agent.html');
    const w = await openThread(page);
    await type(w, 'How do I return a parcel?');
    await w.log.locator('[data-mine="false"][data-status="sent"]').getByRole('list', { name: 'Sources' }).waitFor();
    await expectClean(page, '/agent.html open, a finished agent reply');
  });

  it('the SPA page (/spa.html)', async () => {
    const { page } = await suite.person('/spa.html');
    const w = widget(page);
    await page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: 'tinychat:ready' }).waitFor();
    await expectClean(page, '/spa.html closed');
    await openThread(page);
    await conversationWithSupport(page, w, suite.live);
    await expectClean(page, '/spa.html open, thread with both sides');
  });

  for (const theme of ['light', 'dark'] as const) {
    // The unread count on a fresh inbox is server read state, ours.
    it.skipIf(HOSTED)(`the support inbox (/inbox.html): the list with an unread count, then a thread with both sides, ${theme} theme`, async () => {
      // A visitor writes first, so the inbox has a conversation to show.
      const { page: visitorPage } = await suite.person('/');
      const visitor = await openThread(visitorPage);
      await type(visitor, 'Can I change my delivery address?');
      await visitor.log.locator('[data-mine="true"][data-status="sent"]').waitFor();

      const { page } = await suite.person('/inbox.html');
      if (theme === 'dark') await darken(page);
      const support = widget(page);
      const item = support.conversations.getByRole('button').filter({ hasText: 'delivery address' });
      await item.waitFor();
      // The visitor writes again while the inbox shows the list: an unread count on the item (the server counts
      // both messages: nobody has read either).
      await type(visitor, 'It is for the parcel ACME-555000111.');
      const unread = support.conversations.getByRole('button', { name: /ACME-555000111.*2 unread$/ });
      await unread.waitFor();
      await expectClean(page, `/inbox.html (${theme}) list with an unread count`);
      await unread.click();
      await support.message('delivery address').waitFor();
      await type(support, 'Yes: reply with the new address and we will update it.');
      await support.log.locator('[data-mine="true"][data-status="sent"]').waitFor();
      await expectClean(page, `/inbox.html (${theme}) thread with both sides`);
    });
  }

  it('the check itself sees inside the shadow root: a page that sets a faint muted colour is caught', async () => {
    const { page } = await suite.person('/');
    await page.addStyleTag({ content: 'tiny-chat { --tinychat-muted: #c8c8c8; }' });
    await openThread(page);
    const found = await violations(page);
    expect(found).toMatch(/^color-contrast /m);
    expect(found).toContain('"tiny-chat"');
  });

  it('the strict-CSP page (/csp.html)', async () => {
    const { page } = await suite.person('/csp.html');
    const w = widget(page);
    await w.openButton.waitFor();
    await expectClean(page, '/csp.html closed');
    await openThread(page);
    await conversationWithSupport(page, w, suite.live);
    await expectClean(page, '/csp.html open, thread with both sides');
  });
});

/** The widget in its dark theme, as `theme="dark"` on the element sets it. */
async function darken(page: Page): Promise<void> {
  await page.locator('tiny-chat').waitFor({ state: 'attached' });
  await page.evaluate(() => document.querySelector('tiny-chat')?.setAttribute('theme', 'dark'));
}
