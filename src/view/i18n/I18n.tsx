import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type StringKey } from './en.ts';
import { resolveLocale, type Locale } from './locales.ts';

const LocaleContext = createContext<Locale>({ tag: 'en', language: 'en', strings: en, ready: true, dir: 'ltr' });

/** Provides the locale to every view below it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** Fills `{name}` placeholders; unknown ones stay as written so a missing value shows rather than vanishes. */
export function format(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (values === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The translator of the nearest provider: `t('send')`, `t('unreadSuffix', { count: 2 })`. */
export function useT(): (key: StringKey, values?: Readonly<Record<string, string | number>>) => string {
  const { strings } = useContext(LocaleContext);
  return (key, values) => format(strings[key], values);
}

/** The nearest provider's locale (its tag for Intl, its direction). */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export { resolveLocale };
