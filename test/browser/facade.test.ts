import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { widget } from './helpers/widget.ts';

describe('the launcher before the widget has loaded', () => {
  const suite = useBrowserSuite();

  it('is on screen at once, and a click on it opens the panel as soon as the widget arrives', async () => {
    const { context } = await suite.person('/');
    const page = await context.newPage();
    // Hold the widget's module back until the visitor has clicked: the loader alone is on the page.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/dist/tinychat.script.mjs', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
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
});
