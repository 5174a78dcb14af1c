import { describe, expect, it } from 'vitest';
import { sendAs, useBrowserSuite } from './helpers/suite.ts';
import { conversationOf, isSend, openThread, type } from './helpers/widget.ts';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const JS_URL = 'javascript:window.__xss=3';
const MD_LINK = '[click me](javascript:window.__xss=4)';
const SAFE_URL = 'https://example.com/track?id=1';

describe('untrusted text in a thread', () => {
  const suite = useBrowserSuite();

  it('shows markup, scripts and javascript: links as plain text, and links only http(s) safely', async () => {
    const { page } = await suite.person('/');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const w = await openThread(page);
    const firstSend = page.waitForRequest(isSend);
    await type(w, IMG);
    await w.log.locator('[data-status="sent"]', { hasText: 'onerror' }).waitFor();
    const conversationId = conversationOf(await firstSend);
    for (const body of [SCRIPT, JS_URL, MD_LINK, `See ${SAFE_URL} please`]) await sendAs(suite.live, conversationId, 'support', body);
    await w.message('See https://example.com').waitFor();

    for (const text of [IMG, SCRIPT, JS_URL, MD_LINK]) {
      const shown = w.message(text);
      expect(await shown.count(), text).toBe(1);
      expect(await shown.innerText(), text).toContain(text);
    }
    // Nothing became an element: no image, script or frame inside the thread, and no javascript: link.
    expect(await w.log.locator('img, script, iframe, object, embed').count()).toBe(0);
    expect(await w.log.locator('a[href^="javascript:" i]').count()).toBe(0);
    const links = w.log.locator('a[href]');
    expect(await links.count()).toBe(1);
    expect(await links.getAttribute('href')).toBe(SAFE_URL);
    expect(await links.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(await links.getAttribute('target')).toBe('_blank');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
