import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { openThread, type } from './helpers/widget.ts';

/** A computed style of the first element matching `selector` inside the widget's shadow root. */
function shadowStyle(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(([sel, prop]) => getComputedStyle(document.querySelector('tiny-chat')!.shadowRoot!.querySelector(sel!)!).getPropertyValue(prop!), [selector, property]);
}

const setAttr = (page: Page, name: string, value: string | null) =>
  page.evaluate(({ n, v }) => (v === null ? document.querySelector('tiny-chat')!.removeAttribute(n) : document.querySelector('tiny-chat')!.setAttribute(n, v)), {
    n: name,
    v: value,
  });

const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(17, 24, 39)';

describe('themes, accent, custom properties and parts', () => {
  const suite = useBrowserSuite();

  it('light by default, dark by attribute, auto following the system setting', async () => {
    const { page } = await suite.person('/');
    await openThread(page);
    expect(await shadowStyle(page, '.tc-panel', 'background-color')).toBe(WHITE);
    await setAttr(page, 'theme', 'dark');
    expect(await shadowStyle(page, '.tc-panel', 'background-color')).toBe(DARK);
    expect(await shadowStyle(page, '.tc-panel', 'color-scheme')).toBe('dark');
    await setAttr(page, 'theme', 'auto');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await shadowStyle(page, '.tc-panel', 'background-color')).toBe(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await shadowStyle(page, '.tc-panel', 'background-color')).toBe(WHITE);
  });

  it("the accent attribute and the page's --tinychat-* properties recolour and reshape the widget", async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    await type(w, 'Accent check');
    await w.log.locator('[data-mine="true"][data-status="sent"]', { hasText: 'Accent check' }).waitFor();
    await setAttr(page, 'accent', 'rgb(200, 0, 80)');
    expect(await shadowStyle(page, '.tc-launcher', 'background-color')).toBe('rgb(200, 0, 80)');
    expect(await shadowStyle(page, '.tc-msg[data-mine=true] .tc-msg-bubble', 'background-color')).toBe('rgb(200, 0, 80)');
    // Not a colour: ignored, the default accent stays.
    await setAttr(page, 'accent', 'url(javascript:alert(1))');
    expect(await shadowStyle(page, '.tc-launcher', 'background-color')).toBe('rgb(37, 99, 235)');
    await setAttr(page, 'accent', null);

    await page.addStyleTag({
      content: `tiny-chat{--tinychat-accent:rgb(0, 128, 0);--tinychat-bg:rgb(250, 240, 230);--tinychat-radius:3px;--tinychat-launcher-radius:8px;--tinychat-font-size:18px}`,
    });
    expect(await shadowStyle(page, '.tc-launcher', 'background-color')).toBe('rgb(0, 128, 0)');
    expect(await shadowStyle(page, '.tc-launcher', 'border-top-left-radius')).toBe('8px');
    expect(await shadowStyle(page, '.tc-panel', 'background-color')).toBe('rgb(250, 240, 230)');
    expect(await shadowStyle(page, '.tc-msg-bubble', 'border-top-left-radius')).toBe('3px');
    expect(await shadowStyle(page, '.tc-panel', 'font-size')).toBe('18px');
    // The page's property wins over the dark theme's default too.
    await setAttr(page, 'theme', 'dark');
    expect(await shadowStyle(page, '.tc-panel', 'background-color')).toBe('rgb(250, 240, 230)');
  });

  it('the main pieces are styleable from the page through ::part', async () => {
    const { page } = await suite.person('/');
    await page.addStyleTag({
      content: [
        'tiny-chat::part(launcher){outline:4px solid rgb(1, 2, 3)}',
        'tiny-chat::part(panel){border-top-width:5px}',
        'tiny-chat::part(header){letter-spacing:2px}',
        'tiny-chat::part(message-list){background-color:rgb(4, 5, 6)}',
        'tiny-chat::part(message){padding-top:7px}',
        'tiny-chat::part(message-mine){padding-bottom:9px}',
        'tiny-chat::part(composer){background-color:rgb(7, 8, 9)}',
        'tiny-chat::part(input){caret-color:rgb(10, 11, 12)}',
        'tiny-chat::part(send-button){text-transform:uppercase}',
      ].join('\n'),
    });
    const w = await openThread(page);
    await type(w, 'Part check');
    await w.message('Part check').waitFor();
    expect(await shadowStyle(page, '.tc-launcher', 'outline-color')).toBe('rgb(1, 2, 3)');
    expect(await shadowStyle(page, '.tc-panel', 'border-top-width')).toBe('5px');
    expect(await shadowStyle(page, '.tc-header', 'letter-spacing')).toBe('2px');
    expect(await shadowStyle(page, '[part~="message-list"]', 'background-color')).toBe('rgb(4, 5, 6)');
    expect(await shadowStyle(page, '.tc-msg', 'padding-top')).toBe('7px');
    expect(await shadowStyle(page, '.tc-msg[data-mine=true]', 'padding-bottom')).toBe('9px');
    expect(await shadowStyle(page, '.tc-composer', 'background-color')).toBe('rgb(7, 8, 9)');
    expect(await shadowStyle(page, '.tc-input', 'caret-color')).toBe('rgb(10, 11, 12)');
    expect(await shadowStyle(page, '.tc-send', 'text-transform')).toBe('uppercase');
  });

  it('the badge part and the badge colours', async () => {
    const { page } = await suite.person('/');
    await page.addStyleTag({ content: 'tiny-chat{--tinychat-badge-bg:rgb(0, 0, 200)} tiny-chat::part(badge){font-weight:900}' });
    // Give the visitor an unread message: a conversation, then a reply while closed.
    const w = await openThread(page);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && /\/messages$/.test(r.url()));
    await type(w, 'Badge check');
    const id = /\/conversations\/([^/]+)\/messages$/.exec(new URL((await sent).url()).pathname)![1]!;
    await w.closeButton.click();
    await suite.live.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'support', body: 'Unread reply' } });
    await page.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor();
    expect(await shadowStyle(page, '.tc-launcher-badge', 'background-color')).toBe('rgb(0, 0, 200)');
    expect(await shadowStyle(page, '.tc-launcher-badge', 'font-weight')).toBe('900');
  });
});
