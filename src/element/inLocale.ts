import { loadLocale, resolveLocale, type Locale } from '../i18n/locales.ts';

/** Runs `use` with the requested locale's table: at once when it is loaded, else once it has loaded. */
export function inLocale(requested: string | null, use: (locale: Locale) => void): void {
  const locale = resolveLocale(requested);
  if (locale.ready) use(locale);
  else void loadLocale(requested).then(use);
}
