import { render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider, resolveLocale } from '../../../src/view/I18n.tsx';
import { useNotifications, type NotificationOptions } from '../../../src/view/notify/useNotifications.ts';
import { setTitleCount } from '../../../src/view/notify/titleCount.ts';

function Probe(props: NotificationOptions) {
  useNotifications(props);
  return null;
}

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useNotifications: the page title', () => {
  beforeEach(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    visibility = 'visible';
    document.title = 'Acme';
  });
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('counts while the tab is hidden with the panel open, and restores the title when it is visible again', async () => {
    const locale = resolveLocale('en');
    const view = render(
      <I18nProvider locale={locale}>
        <Probe unread={0} open titleCount sound={false} />
      </I18nProvider>,
    );
    setVisibility('hidden');
    view.rerender(
      <I18nProvider locale={locale}>
        <Probe unread={3} open titleCount sound={false} />
      </I18nProvider>,
    );
    await expect.poll(() => document.title).toBe('(3) Acme');
    setVisibility('visible');
    await expect.poll(() => document.title).toBe('Acme');
    view.unmount();
  });

  it("two widgets on one page show one sum; unmounting takes a widget's count away", () => {
    const a = {};
    const b = {};
    const format = (n: number, title: string) => `(${n}) ${title}`;
    setTitleCount(a, 1, format);
    setTitleCount(b, 2, format);
    expect(document.title).toBe('(3) Acme');
    setTitleCount(a, 0, format);
    expect(document.title).toBe('(2) Acme');
    setTitleCount(b, 0, format);
    expect(document.title).toBe('Acme');
  });

  it('titleCount off: the title is never touched', () => {
    const view = render(
      <I18nProvider locale={resolveLocale('en')}>
        <Probe unread={5} open={false} titleCount={false} sound={false} />
      </I18nProvider>,
    );
    expect(document.title).toBe('Acme');
    view.unmount();
  });
});
