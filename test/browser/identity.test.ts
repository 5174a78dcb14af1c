import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { HOSTED, useBrowserSuite } from './helpers/suite.ts';
import { widget } from './helpers/widget.ts';

const mint = (sub: string, seconds: number, claims: Record<string, unknown> = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(new TextEncoder().encode('tc_id_secret_demo'));

// Signed identity is ours: hosted mode has no user tokens.
describe.skipIf(HOSTED)('signed identity in the widget (Secure Shop, identity required)', () => {
  const suite = useBrowserSuite();

  it('sends and hears live with a user token, and gets a fresh token before it expires', async () => {
    const lifetime = 8;
    let expiresAt = 0;
    const issued: string[] = [];
    const { page } = await suite.person('/');
    // The shop's token endpoint (demo/userToken.js asks /demo/user-token): a short-lived first token, then long ones.
    await page.route('**/demo/user-token*', async (route) => {
      const first = issued.length === 0;
      if (first) expiresAt = Date.now() + lifetime * 1000;
      const token = await mint('u_shopper', first ? lifetime : 3600, { name: 'Ada' });
      issued.push(token);
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ token }) });
    });
    const sentTokens: string[] = [];
    page.on('request', (r) => {
      const t = r.headers()['x-tinychat-user-token'];
      if (t !== undefined) sentTokens.push(t);
    });
    await page.goto('/secure.html');
    const w = widget(page);

    await w.newConversation.or(w.messageBox).first().click();
    await w.messageBox.fill('Is my parcel insured?');
    await w.messageBox.press('Enter');
    await page.locator('[data-status="sent"]', { hasText: 'Is my parcel insured?' }).waitFor();
    expect(sentTokens).toContain(issued[0]);

    // The support person answers (with their own token); the reply arrives over realtime, joined with the token.
    const asShopper = { 'x-tinychat-user-token': await mint('u_shopper', 60) };
    const [conversation] = (await suite.live.api('/v1/conversations', { key: 'pk_test_secure', headers: asShopper })).body.conversations;
    const staff = { 'x-tinychat-user-token': await mint('support', 60, { role: 'support' }) };
    const reply = (body: string) =>
      suite.live.api(`/v1/conversations/${conversation.id}/messages`, { method: 'POST', key: 'pk_test_secure', headers: staff, json: { sender_id: 'support', body } });
    await reply('Yes, up to 500 €');
    await w.message('Yes, up to 500 €').waitFor();

    // Before the first token expired the page was asked for a new one; after it expired everything still works.
    await expect.poll(() => issued.length, { timeout: 20_000 }).toBeGreaterThan(1);
    expect(Date.now()).toBeLessThan(expiresAt);
    await page.waitForTimeout(Math.max(0, expiresAt - Date.now()) + 1500);
    await w.messageBox.fill('Thanks!');
    await w.messageBox.press('Enter');
    await page.locator('[data-status="sent"]', { hasText: 'Thanks!' }).waitFor();
    expect(sentTokens.at(-1)).toBe(issued[1]);
    await reply('You are welcome');
    await w.message('You are welcome').waitFor();
    expect(await w.alert.count()).toBe(0);

    const stored = await suite.live.api(`/v1/conversations/${conversation.id}/messages`, { key: 'pk_test_secure', headers: staff });
    expect(stored.body.messages.map((m: { sender_id: string; body: string }) => [m.sender_id, m.body])).toEqual([
      ['u_shopper', 'Is my parcel insured?'],
      ['support', 'Yes, up to 500 €'],
      ['u_shopper', 'Thanks!'],
      ['support', 'You are welcome'],
    ]);
  });
});
