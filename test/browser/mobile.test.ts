import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { openThread } from './helpers/widget.ts';

const PHONE = { width: 375, height: 667 };

describe('on a phone (375×667, touch)', () => {
  const suite = useBrowserSuite();

  async function phone(path = '/'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext({ baseURL: suite.live.url, viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(path);
    return { context, page };
  }

  it('the panel fills the screen, the launcher steps aside, and the message box has 16 px text (no zoom on focus)', async () => {
    const { context, page } = await phone();
    const w = await openThread(page);
    expect(await w.panel.boundingBox()).toEqual({ x: 0, y: 0, ...PHONE });
    expect(await w.launcher.isVisible()).toBe(false);
    const fontSize = await w.messageBox.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    // The composer is on screen after focusing the message box.
    await w.messageBox.tap();
    const composer = (await w.sendButton.boundingBox())!;
    expect(composer.y + composer.height).toBeLessThanOrEqual(PHONE.height);
    await context.close();
  });

  it('when the visual viewport shrinks (what the on-screen keyboard does) the composer stays in what can be seen', async () => {
    const { context, page } = await phone();
    const w = await openThread(page);
    await w.messageBox.focus();
    const cdp = await context.newCDPSession(page);
    // Headless Chromium draws no keyboard; zooming in shrinks the visual viewport the same way, leaving the
    // layout viewport (what position:fixed and 100dvh follow) as it was.
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1.6 });
    await page.waitForFunction(() => (visualViewport?.height ?? 0) < 450);
    const visible = await page.evaluate(() => ({ top: visualViewport!.offsetTop, bottom: visualViewport!.offsetTop + visualViewport!.height }));
    await expect
      .poll(async () => {
        const box = (await w.messageBox.boundingBox())!;
        return box.y >= visible.top - 1 && box.y + box.height <= visible.bottom + 1;
      })
      .toBe(true);
    const panel = (await w.panel.boundingBox())!;
    expect(Math.abs(panel.height - (visible.bottom - visible.top))).toBeLessThan(2);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
    await page.waitForFunction(() => Math.abs((visualViewport?.height ?? 0) - 667) < 1);
    await expect.poll(async () => (await w.panel.boundingBox())!.height).toBe(PHONE.height);
    await context.close();
  });

  it('safe-area insets keep the header and composer clear of the notch and the home indicator', async () => {
    const { context, page } = await phone();
    // iOS applies env(safe-area-inset-*) when the page opts in with viewport-fit=cover.
    await page.evaluate(() => document.querySelector('meta[name=viewport]')!.setAttribute('content', 'width=device-width, initial-scale=1, viewport-fit=cover'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 44, bottom: 34, left: 0, right: 0 } });
    const w = await openThread(page);
    const header = (await page.locator('tiny-chat').locator('.tc-header').boundingBox())!;
    const send = (await w.sendButton.boundingBox())!;
    expect(header.y).toBeGreaterThanOrEqual(44);
    expect(send.y + send.height).toBeLessThanOrEqual(PHONE.height - 34);
    await context.close();
  });
});
