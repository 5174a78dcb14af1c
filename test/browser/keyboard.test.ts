import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { history, useBrowserSuite, WAIT } from './helpers/suite.ts';
import { conversationOf, deepFocus, isSend, widget, type Widget } from './helpers/widget.ts';

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

  it('moves between conversations with the arrows and Enter, Back returns to the list, Escape closes and gives focus back', async () => {
    const { page } = await suite.person('/');
    const w = widget(page);
    await w.openButton.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor();
    await writeInNewConversation(page, w, 'First thread, by keyboard');

    // Back to the list from the message box: Shift+Tab reaches "Back to conversations".
    await tabTo(page, 'Back to conversations', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await w.conversations.waitFor();
    // Focus stays in the panel, on the conversation just left, so the list is read from where the person was.
    await expect.poll(async () => (await deepFocus(page))?.label ?? '', { timeout: WAIT }).toMatch(/First thread, by keyboard/);

    await writeInNewConversation(page, w, 'Second thread, by keyboard');
    await tabTo(page, 'Back to conversations', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await w.conversations.getByRole('button').nth(1).waitFor();

    // Back on the list, focus is on the thread just left (the newest, at the top); Down arrow moves to the first
    // thread's item, Enter opens it with focus in the message box.
    await expect.poll(async () => (await deepFocus(page))?.label ?? '', { timeout: WAIT }).toMatch(/Second thread, by keyboard/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await deepFocus(page))?.label ?? '', { timeout: WAIT }).toMatch(/First thread, by keyboard/);
    await page.keyboard.press('Enter');
    await w.message('First thread, by keyboard').waitFor();
    await expect.poll(() => isFocused(w.messageBox), { timeout: WAIT }).toBe(true);

    // Escape closes from the message box, and focus goes back to the launcher, not to the page's top.
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await deepFocus(page))?.label ?? '', { timeout: WAIT }).toMatch(/^Open chat/);
    // Enter on the launcher opens the same thread again, focus in its message box.
    await page.keyboard.press('Enter');
    await w.message('First thread, by keyboard').waitFor();
    await expect.poll(() => isFocused(w.messageBox), { timeout: WAIT }).toBe(true);
    // The close button in the header works from the keyboard too, with the same focus return.
    await tabTo(page, 'Close', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await deepFocus(page))?.label ?? '', { timeout: WAIT }).toMatch(/^Open chat/);
  });

  it('shows a visible focus ring on what the keyboard reaches, and drops animation when reduced motion is asked for', async () => {
    const { page } = await suite.person('/');
    const w = widget(page);
    await w.openButton.waitFor();
    // Keyboard focus (Tab), not a click: :focus-visible draws the ring.
    await tabTo(page, /^Open chat/, 'Tab');
    expect(await ring(page)).toMatchObject({ style: 'solid' });
    expect((await ring(page))?.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await w.panel.waitFor();
    expect(await panelAnimation(page)).toBe('tc-rise');
    await tabTo(page, 'Close', 'Shift+Tab');
    expect(await ring(page)).toMatchObject({ style: 'solid' });
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await deepFocus(page))?.label ?? '', { timeout: WAIT }).toMatch(/^Open chat/);

    // The same visitor asking for reduced motion: the panel appears without its rise animation.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('Enter');
    await w.panel.waitFor();
    expect(await panelAnimation(page)).toBe('none');
  });

  it('reaches Retry on a failed send from the message box and sends it once', async () => {
    const { page } = await suite.person('/');
    const w = widget(page);
    await w.openButton.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor();

    // The server refuses the first send (a 4xx is not retried by itself): the row shows failed, with Retry.
    let refused = 0;
    await page.route('**/v1/conversations/*/messages', async (route) => {
      if (route.request().method() === 'POST' && refused === 0) {
        refused += 1;
        return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: 'refused once by the test' }) });
      }
      return route.fallback();
    });
    await writeInNewConversation(page, w, 'Refused the first time', false);
    await w.log.locator('[data-status="failed"]', { hasText: 'Refused the first time' }).waitFor();

    const sent = page.waitForRequest((r) => isSend(r) && refused === 1);
    await tabTo(page, 'Retry', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await w.log.locator('[data-status="sent"]', { hasText: 'Refused the first time' }).waitFor();
    const stored = await history(suite.live, conversationOf(await sent));
    expect(stored.map((m) => m.body)).toEqual(['Refused the first time']);
  });
});

/**
 * From wherever focus is in the open panel: into a new conversation (the panel may show the list, or a thread
 * restored from before), then types `text` and sends it with Enter, all from the keyboard.
 */
async function writeInNewConversation(page: Page, w: Widget, text: string, waitSent = true): Promise<void> {
  await expect.poll(async () => (await deepFocus(page))?.inChat, { timeout: WAIT }).toBe(true);
  // The panel shows "Loading…" until the widget has started: wait for the list or a restored thread.
  await w.newConversation.or(w.back).first().waitFor();
  if (!(await w.newConversation.isVisible())) {
    await tabTo(page, 'Back to conversations', 'Shift+Tab');
    await page.keyboard.press('Enter');
  }
  await tabTo(page, 'New conversation', 'Tab');
  await page.keyboard.press('Enter');
  await w.messageBox.waitFor();
  await expect.poll(() => isFocused(w.messageBox), { timeout: WAIT }).toBe(true);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  if (waitSent) await w.log.locator('[data-status="sent"]', { hasText: text }).waitFor();
}

/** Presses `key` (Tab or Shift+Tab) until the focused element's name matches; fails after 30 presses. */
async function tabTo(page: Page, name: string | RegExp, key: 'Tab' | 'Shift+Tab'): Promise<void> {
  const matches = (label: string) => (typeof name === 'string' ? label === name : name.test(label));
  for (let presses = 0; !matches((await deepFocus(page))?.label ?? ''); presses++) {
    expect(presses, `${key} never reached ${String(name)}`).toBeLessThan(30);
    await page.keyboard.press(key);
  }
}

/** The focused element's outline (through shadow roots), or null when nothing in the page has focus. */
function ring(page: Page): Promise<{ style: string; width: number } | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const css = getComputedStyle(el);
    return { style: css.outlineStyle, width: parseFloat(css.outlineWidth) };
  });
}

/** The panel's animation name as computed (its entrance animation, or "none"). */
function panelAnimation(page: Page): Promise<string> {
  return page.evaluate(() => {
    const panel = document.querySelector('tiny-chat')?.shadowRoot?.querySelector('.tc-panel');
    return panel ? getComputedStyle(panel).animationName : 'no panel';
  });
}

/** Whether `locator` has focus within its own (shadow) root. */
async function isFocused(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  return locator.evaluate((el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    return root.activeElement === el;
  });
}
