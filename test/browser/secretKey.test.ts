import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { widget } from './helpers/widget.ts';

/** Every secret-key family the widget refuses; each must be refused before anything is sent with it. */
const SECRETS = ['tiny_sk_demo', 'tiny_server_sk_0123456789', 'tk_live_0123456789', 'tk_test_demo', 'sk_live_0123456789'];

/** A host page that pastes the script tag with `key`, served at a path of the real server's origin. */
async function pageWithKey(page: Page, key: string): Promise<void> {
  await page.route('**/pasted-secret.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><title>Pasted</title><main><h1>A shop</h1></main>
        <script src="/dist/tinychat.js" data-api-key="${key}" data-user-id="u_secret" async></script></html>`,
    }),
  );
  await page.goto('/pasted-secret.html');
}

describe('a secret key pasted into a page', () => {
  const suite = useBrowserSuite();

  for (const key of SECRETS) {
    it(`refuses ${key.replace(/_[^_]*$/, '_…')} with a sentence that says why, and sends nothing`, async () => {
      const { context, page } = await suite.person('about:blank');
      const requests: string[] = [];
      const sockets: string[] = [];
      context.on('request', (request) => {
        const headers = JSON.stringify(request.headers());
        requests.push(`${request.method()} ${new URL(request.url()).pathname}${headers.includes(key) ? ' WITH THE KEY' : ''}`);
      });
      page.on('websocket', (ws) => sockets.push(ws.url()));
      const errors: unknown[] = [];
      await page.exposeFunction('reportTinyChatError', (detail: unknown) => errors.push(detail));
      await page.addInitScript(() => {
        document.addEventListener('tinychat:error', (e) => {
          (window as unknown as { reportTinyChatError(d: unknown): void }).reportTinyChatError((e as CustomEvent).detail);
        });
      });
      await pageWithKey(page, key);

      const w = widget(page);
      // The sentence may stand on its own or inside the panel: open the launcher if one is offered.
      await w.alert.or(w.openButton).first().waitFor();
      if (!(await w.alert.isVisible())) await w.openButton.click();
      await w.alert.first().waitFor();
      const sentence = (await w.alert.first().innerText()).trim();
      expect(sentence).toMatch(/secret/i);
      expect(sentence).toMatch(/publishable|pk_(live|test)_/i);
      expect(sentence).not.toContain(key);
      expect(errors.length).toBeGreaterThan(0);

      // The page and the widget's own files only: no API call, no socket, and the key in no header.
      expect(requests.filter((r) => !/^GET \/(pasted-secret\.html|dist\/\S+)$/.test(r))).toEqual([]);
      expect(sockets).toEqual([]);
      await context.close();
    });
  }
});
