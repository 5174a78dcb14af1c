import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';

// Two widgets on one page: a signed-in driver thread inline, and the support bubble for the same site.
const page2 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title></head><body>
<main><h1>Order 9001</h1>
<tiny-chat id="order" api-key="pk_test_demo" user-id="multi_a" user-name="Ada" mode="inline" conversation-kind="order"
  external-ref="order_9001" participants="driver_3" storage-key="order-widget"></tiny-chat></main>
<tiny-chat id="help" api-key="pk_test_demo" user-id="multi_b" user-name="Bea"></tiny-chat>
<script src="/dist/tinychat.js" async></script></body></html>`;

describe('several widgets on one page', () => {
  const suite = useBrowserSuite();

  it('keep their own state, threads and storage', async () => {
    const { page } = await suite.person('/');
    await page.route('**/two.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page2 }));
    await page.goto('/two.html');
    const order = page.locator('#order');
    const help = page.locator('#help');

    // The order widget pins its thread (external-ref): it opens straight into it.
    await order.getByRole('textbox', { name: 'Message', exact: true }).fill('Where is the driver?');
    await order.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await order.locator('[data-status="sent"]', { hasText: 'Where is the driver?' }).waitFor();

    await help.getByRole('button', { name: /^Open chat/ }).click();
    // A first visit opens into a new thread; the list (with "New conversation") is for who has conversations.
    const helpBox = help.getByRole('textbox', { name: 'Message', exact: true });
    await helpBox
      .or(help.getByRole('button', { name: 'New conversation' }))
      .first()
      .waitFor();
    if (!(await helpBox.isVisible())) await help.getByRole('button', { name: 'New conversation' }).click();
    await help.getByRole('textbox', { name: 'Message', exact: true }).fill('A question for support');
    await help.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await help.locator('[data-status="sent"]', { hasText: 'A question for support' }).waitFor();

    expect(await order.locator('[data-message-id]').allTextContents()).toEqual([expect.stringContaining('Where is the driver?')]);
    expect(await help.locator('[data-message-id]').allTextContents()).toEqual([expect.stringContaining('A question for support')]);

    const a = await suite.live.api('/v1/conversations?user_id=multi_a');
    const b = await suite.live.api('/v1/conversations?user_id=multi_b');
    expect(a.body.conversations.map((c: { kind: string; external_ref: string }) => [c.kind, c.external_ref])).toEqual([['order', 'order_9001']]);
    expect(b.body.conversations.map((c: { kind: string }) => c.kind)).toEqual(['support']);

    // Each keeps its own open thread through a reload.
    await page.reload();
    await order.locator('[data-message-id]', { hasText: 'Where is the driver?' }).waitFor();
    await help.locator('[data-message-id]', { hasText: 'A question for support' }).waitFor();
    expect(await order.locator('[data-message-id]').count()).toBe(1);
    expect(await help.locator('[data-message-id]').count()).toBe(1);
  });
});
