import { describe, expect, it } from 'vitest';
import { useBrowserSuite, WAIT } from './helpers/suite.ts';
import { widget } from './helpers/widget.ts';

describe('the SPA demo: the element from the ES module, driven by its API', () => {
  const suite = useBrowserSuite();

  it('opens, closes and toggles from code, sends as the identified user, and reports each event', async () => {
    const { page } = await suite.person('/spa.html');
    const w = widget(page);
    const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
    const event = (name: string) => events.filter({ hasText: `${name} ` });
    await event('tinychat:ready').waitFor();

    await page.getByRole('button', { name: 'open()' }).click();
    await w.panel.waitFor();
    await event('tinychat:open').waitFor();
    await page.getByRole('button', { name: 'close()' }).click();
    await w.panel.waitFor({ state: 'hidden' });
    await event('tinychat:close').waitFor();
    await page.getByRole('button', { name: 'toggle()' }).click();
    await w.panel.waitFor();
    expect(await event('tinychat:open').count()).toBe(2);

    await page.getByRole('textbox', { name: 'User id' }).fill('spa_user_7');
    await page.getByRole('textbox', { name: 'Name' }).fill('Grace Hopper');
    await page.getByRole('button', { name: 'identify(user)' }).click();
    await page.getByRole('textbox', { name: 'Text to send' }).fill('Sent by send(), from code');
    await page.getByRole('button', { name: 'send(text)' }).click();
    await w.log.locator('[data-mine="true"][data-status="sent"]', { hasText: 'Sent by send(), from code' }).waitFor();
    await event('tinychat:message').filter({ hasText: 'Sent by send(), from code' }).first().waitFor();

    // The server stored it as the identified user's.
    await expect
      .poll(
        async () => {
          const res = await suite.live.api('/v1/conversations?user_id=spa_user_7');
          return (res.body as { conversations?: { last_message: string | null }[] }).conversations?.map((c) => c.last_message);
        },
        { timeout: WAIT },
      )
      .toEqual(['Sent by send(), from code']);
  });
});
