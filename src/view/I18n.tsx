import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type StringKey } from '../i18n/en.ts';
import { resolveLocale, type Locale } from '../i18n/locales.ts';
import { format, say, type Sentence } from '../i18n/sentence.ts';

const LocaleContext = createContext<Locale>({ tag: 'en', language: 'en', strings: en, ready: true, dir: 'ltr' });

/** Provides the locale to every view below it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/**
 * The translator of the nearest provider: `t('send')`, `t('unreadSuffix', { count: 2 })`, or a {@link Sentence}
 * the store handed out (`t(store.error.value)`), its `wait` written in the provider's locale.
 */
export function useT(): (key: StringKey | Sentence, values?: Readonly<Record<string, string | number>>) => string {
  const { strings, tag } = useContext(LocaleContext);
  return (key, values) => (typeof key === 'string' ? format(strings[key], values) : say(key, strings, tag));
}

/** The nearest provider's locale (its tag for Intl, its direction). */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export { format, resolveLocale, type Sentence };
