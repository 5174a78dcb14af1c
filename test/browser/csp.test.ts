import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendAs, useBrowserSuite } from './helpers/suite.ts';
import { attach, TINY_PNG } from './helpers/images.ts';
import { conversationOf, isSend, openThread, type } from './helpers/widget.ts';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws:";

/** Every `securitypolicyviolation` the page reports (the event is composed, so shadow roots' reach the document). */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

describe('the widget on a page with a strict Content-Security-Policy', () => {
  const suite = useBrowserSuite();

  it('opens, sends, receives live over the websocket and sends an image, with no violation reported', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.live.url });
    const page = await context.newPage();
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
    });
    const violations = await recordViolations(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));

    const response = await page.goto('/csp.html');
    expect(response?.headers()['content-security-policy']).toBe(POLICY);

    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'Sent under a strict policy');
    const conversationId = conversationOf(await sent);
    await w.log.locator('[data-status="sent"][data-mine="true"]', { hasText: 'Sent under a strict policy' }).waitFor();

    // Live: another user's message arrives with no reload, through the realtime socket.
    await sendAs(suite.live, conversationId, 'support', 'Received under a strict policy');
    await w.message('Received under a strict policy').waitFor();
    expect(sockets.some((url) => url.startsWith('ws://'))).toBe(true);

    // The styles applied (the launcher is round and coloured), which a blocked <style> would not be.
    const radius = await page.locator('tiny-chat').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.tc-launcher')!).borderRadius);
    expect(radius).toBe('50%');

    // An image: its preview (a blob: URL), the upload (connect-src), the stored image shown (img-src 'self') and its dialog.
    await attach(page, [{ name: 'parcel.png', mimeType: 'image/png', buffer: TINY_PNG }]);
    const image = w.log.locator('[data-status="sent"][data-mine="true"] img');
    await image.waitFor();
    await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
    await w.log.getByRole('button', { name: 'Image from You' }).click();
    await page.getByRole('dialog', { name: 'Image from You' }).waitFor();
    await page.keyboard.press('Escape');

    await w.closeButton.click();
    await w.openButton.click();
    await w.messageBox.waitFor();
    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);

    // The detector itself works: an inline <style> (what the widget must never add) is reported.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'b{}' })));
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length === 1);
    expect((await violations())[0]).toMatch(/^style-src/);
    await context.close();
  });

  it('the agent answers through its stream worker (a same-origin script, allowed by script-src) with no violation reported', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.live.url });
    const page = await context.newPage();
    const violations = await recordViolations(page);
    await page.goto('/csp.html');
    // The page's widget, given a bot (DevTools' evaluate is not subject to the page's policy; the widget is).
    await page.locator('tiny-chat').waitFor({ state: 'attached' });
    await page.evaluate(() => document.querySelector('tiny-chat')?.setAttribute('bot-id', 'demo-bot'));
    const w = await openThread(page);
    await type(w, 'How long does delivery take?');
    // The reply is fetched and read in the widget's stream worker (started at idle, kept for later replies).
    await expect.poll(() => page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/dist\/chunks\/sseWorker-[\w-]+\.js$/));
    await w.log.locator('[data-message-id][data-mine="false"][data-status="sent"]').first().waitFor();
    expect(await w.log.locator('[data-message-id][data-mine="false"] .tc-md').first().textContent()).toMatch(/\w{3,}/);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('the policy is on csp.html only (the other demo pages are unchanged)', async () => {
    const res = await fetch(`${suite.live.url}/`);
    expect(res.headers.get('content-security-policy')).toBeNull();
    const csp = await fetch(`${suite.live.url}/csp.html`);
    expect(csp.status).toBe(200);
    expect(csp.headers.get('content-security-policy')).toBe(POLICY);
  });
});
