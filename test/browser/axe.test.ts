import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendAs, useBrowserSuite } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type, widget, type Widget } from './helpers/widget.ts';

/**
 * axe-core on every demo page, with the widget closed and open on a thread holding messages from both sides
 * (issue 6, part 7). axe walks open shadow roots itself, so the widget's insides are checked with the page.
 * Every rule axe has runs (WCAG 2.0-2.2 A/AA and best practices), in light and dark themes.
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
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
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
      await w.back.click();
      await w.conversations.waitFor();
      await expectClean(page, `/ (${theme}) open, conversation list`);
    });
  }

  it('the SPA page (/spa.html)', async () => {
    const { page } = await suite.person('/spa.html');
    const w = widget(page);
    await page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: 'tinychat:ready' }).waitFor();
    await expectClean(page, '/spa.html closed');
    await openThread(page);
    await conversationWithSupport(page, w, suite.live);
    await expectClean(page, '/spa.html open, thread with both sides');
  });

  it('the support inbox (/inbox.html): the list, then a thread with both sides', async () => {
    // A visitor writes first, so the inbox has a conversation to show.
    const { page: visitorPage } = await suite.person('/');
    const visitor = await openThread(visitorPage);
    await type(visitor, 'Can I change my delivery address?');
    await visitor.log.locator('[data-mine="true"][data-status="sent"]').waitFor();

    const { page } = await suite.person('/inbox.html');
    const support = widget(page);
    const item = support.conversations.getByRole('button').filter({ hasText: 'delivery address' });
    await item.waitFor();
    await expectClean(page, '/inbox.html list');
    await item.click();
    await support.message('delivery address').waitFor();
    await type(support, 'Yes: reply with the new address and we will update it.');
    await support.log.locator('[data-mine="true"][data-status="sent"]').waitFor();
    await expectClean(page, '/inbox.html thread with both sides');
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
