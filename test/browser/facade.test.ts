import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite, WAIT } from './helpers/suite.ts';
import { deepFocus, widget } from './helpers/widget.ts';

// The widget's module the loader imports: its chunk (the build names it in the loader) or the script entry.
const WIDGET_MODULE = /\/dist\/(tinychat\.script\.mjs|chunks\/widget-[\w-]+\.mjs)$/;

/** Holds the widget's module back (only the loader runs) until the returned function is called. */
async function holdWidget(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(WIDGET_MODULE, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('the launcher before the widget has loaded', () => {
  const suite = useBrowserSuite();

  /** A new visitor's page whose widget module is held back (the loader alone runs); opened at `path` if given. */
  async function heldPage(path?: string): Promise<{ page: Page; release: () => void }> {
    const { context } = await suite.person('/');
    const page = await context.newPage();
    const release = await holdWidget(page);
    if (path !== undefined) await page.goto(path);
    return { page, release };
  }

  it('is on screen at once, and a click on it opens the panel as soon as the widget arrives', async () => {
    // Hold the widget's module back until the visitor has clicked: the loader alone is on the page.
    const { page, release } = await heldPage('/');
    const w = widget(page);
    await w.openButton.click();
    expect(await w.openButton.getAttribute('aria-busy')).toBe('true');
    expect(await w.panel.count()).toBe(0);

    release();
    await w.panel.waitFor();
    await w.messageBox.or(w.newConversation).first().waitFor();
    // One launcher, the widget's own, now named for closing.
    await expect.poll(() => w.launcher.count()).toBe(1);
    expect(await w.closeButton.count()).toBe(1);
  });

  it('Enter on it before the widget has loaded opens the panel with focus inside it, in the message box once there', async () => {
    const { page, release } = await heldPage('/');
    const w = widget(page);
    await w.openButton.focus();
    await page.keyboard.press('Enter');
    expect(await w.panel.count()).toBe(0);

    release();
    await w.panel.waitFor();
    await expect.poll(async () => (await deepFocus(page))?.inChat, { timeout: WAIT }).toBe(true);
    await w.messageBox.waitFor();
    await expect.poll(() => w.messageBox.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), { timeout: WAIT }).toBe(true);
    await page.keyboard.type('Typed straight after Enter');
    await page.keyboard.press('Enter');
    await w.log.locator('[data-status="sent"]', { hasText: 'Typed straight after Enter' }).waitFor();
  });

  it("speaks the widget's language and sits where its launcher will: Arabic, bottom-left, nothing moves", async () => {
    const { page, release } = await heldPage();
    await page.route('**/arabic-shop.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><title>Shop</title><main><h1>A shop</h1></main>
          <script src="/dist/tinychat.js" data-api-key="pk_test_demo" data-locale="ar" async></script></html>`,
      }),
    );
    await page.goto('/arabic-shop.html');
    const launcher = page.getByRole('button', { name: 'فتح الدردشة' });
    await launcher.waitFor();
    expect(await page.getByRole('button', { name: /^Open chat/ }).count()).toBe(0);
    const facade = (await launcher.boundingBox())!;
    expect(facade.x + facade.width).toBeLessThan(page.viewportSize()!.width / 2);

    release();
    // The widget's own launcher replaces the facade (its panel markup arrives with it): same name, same place.
    await page.locator('.tc-launcher').waitFor();
    await expect.poll(() => launcher.count()).toBe(1);
    const own = (await launcher.boundingBox())!;
    expect(Math.abs(own.x - facade.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(own.y - facade.y)).toBeLessThanOrEqual(1);
  });
});
