import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendAs, useBrowserSuite } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type } from './helpers/widget.ts';

const TITLE = 'Acme Logistics: freight that shows up';

/** Counts the chimes: every oscillator the page starts (the widget's beep starts two per chime). */
async function countOscillators(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { oscillators: number };
    w.oscillators = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.oscillators++;
      return original.call(this);
    };
  });
}

describe('notifications while the panel is closed', () => {
  const suite = useBrowserSuite();

  it('the title shows the unread count, is restored when read, and title-count="off" leaves it alone', async () => {
    const { page } = await suite.person('/');
    expect(await page.title()).toBe(TITLE);
    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'Is my parcel on its way?');
    const conversationId = conversationOf(await sent);
    await w.message('Is my parcel on its way?').locator('xpath=self::*[@data-status="sent"]').waitFor();
    await w.closeButton.click();
    await w.panel.waitFor({ state: 'detached' });

    await sendAs(suite.live, conversationId, 'support', 'Yes, it left the depot.');
    await page.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor();
    await page.waitForFunction((title) => document.title === `(1) ${title}`, TITLE);
    await sendAs(suite.live, conversationId, 'support', 'It arrives at 4 pm.');
    await page.waitForFunction((title) => document.title === `(2) ${title}`, TITLE);

    // Opening the panel (into the thread, which reads the messages) restores the page's own title.
    await w.openButton.click();
    await w.message('It arrives at 4 pm.').waitFor();
    await page.waitForFunction((title) => document.title === title, TITLE);

    // Turned off by the integrator: the badge counts, the title stays as the page set it.
    await w.closeButton.click();
    await page.evaluate(() => document.querySelector('tiny-chat')!.setAttribute('title-count', 'off'));
    await sendAs(suite.live, conversationId, 'support', 'Driver is two stops away.');
    await page.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor();
    expect(await page.title()).toBe(TITLE);
  });

  it('a title the page sets meanwhile is the one decorated and restored', async () => {
    const { page } = await suite.person('/');
    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'Hello');
    const conversationId = conversationOf(await sent);
    await w.closeButton.click();
    await sendAs(suite.live, conversationId, 'support', 'Hi there');
    await page.waitForFunction((title) => document.title === `(1) ${title}`, TITLE);
    // A single-page app changes route and title while the count shows.
    await page.evaluate(() => (document.title = 'Tracking – Acme'));
    await sendAs(suite.live, conversationId, 'support', 'Anything else?');
    await page.waitForFunction(() => document.title === '(2) Tracking – Acme');
    await w.openButton.click();
    await w.message('Anything else?').waitFor();
    await page.waitForFunction(() => document.title === 'Tracking – Acme');
  });

  it('sound: a chime for a new message from others only when the sound attribute is set', async () => {
    const { page } = await suite.person('/');
    await countOscillators(page);
    await page.reload();
    const w = await openThread(page);
    const sent = page.waitForRequest(isSend);
    await type(w, 'Ping');
    const conversationId = conversationOf(await sent);
    await w.closeButton.click();
    await sendAs(suite.live, conversationId, 'support', 'Quiet one');
    await page.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { oscillators: number }).oscillators)).toBe(0);

    await page.evaluate(() => document.querySelector('tiny-chat')!.setAttribute('sound', ''));
    await sendAs(suite.live, conversationId, 'support', 'Loud one');
    await page.getByRole('button', { name: 'Open chat, 2 unread' }).waitFor();
    await page.waitForFunction(() => (window as unknown as { oscillators: number }).oscillators === 2);
  });
});
