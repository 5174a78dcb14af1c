import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite, WAIT } from './helpers/suite.ts';
import { deepFocus, widget } from './helpers/widget.ts';

describe('keyboard only', () => {
  const suite = useBrowserSuite();

  it('Tab reaches the launcher, Enter opens with focus in the panel, typing and Enter sends', async () => {
    const { page } = await suite.person('/');
    const w = widget(page);
    await w.openButton.waitFor();

    // Tab through the page's own links until the launcher has focus (it is the last thing on the page).
    let presses = 0;
    while (!/^Open chat/.test((await deepFocus(page))?.label ?? '')) {
      expect(presses++, 'Tab never reached the launcher').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await w.panel.waitFor();
    await expect.poll(async () => (await deepFocus(page))?.inChat, { timeout: WAIT }).toBe(true);

    // A first visit may start on the list: reach "New conversation" or the message box by Tab alone.
    presses = 0;
    while (!(await isFocused(w.messageBox))) {
      expect(presses++, 'Tab never reached the message box').toBeLessThan(40);
      if (await isFocused(w.newConversation)) {
        await page.keyboard.press('Enter');
        await w.messageBox.waitFor();
        continue;
      }
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Typed with the keyboard only');
    await page.keyboard.press('Enter');
    await w.log.locator('[data-mine="true"][data-status="sent"]', { hasText: 'Typed with the keyboard only' }).waitFor();
    expect(await w.messageBox.inputValue()).toBe('');

    // Shift+Enter is a new line, not a send.
    await page.keyboard.type('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    expect(await w.messageBox.inputValue()).toBe('line one\nline two');
    // Nothing was sent: the only message is the first one (a send of "line one" would be a second row).
    expect(await w.messages.count()).toBe(1);
    expect(await w.message('line one').count()).toBe(0);
  });
});

/** Whether `locator` has focus within its own (shadow) root. */
async function isFocused(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  return locator.evaluate((el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    return root.activeElement === el;
  });
}

