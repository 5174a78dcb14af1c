import { ar } from './ar.ts';
import { en, type Strings } from './en.ts';
import { es } from './es.ts';

/** The tables shipped, by language subtag. Add a language: one file with every key of `en`, listed here. */
export const tables: Readonly<Record<string, Strings>> = { en, es, ar };

/** Languages written right to left, by language subtag. */
const rtl = new Set(['ar', 'he', 'fa', 'ur']);

/** What a locale resolves to: its table, its direction, and the locale Intl should format with. */
export interface Locale {
  /** BCP 47 tag used for dates and numbers (the visitor's own, e.g. "es-MX"). */
  tag: string;
  strings: Strings;
  dir: 'ltr' | 'rtl';
}

/**
 * Picks the table for `requested` (the `locale` attribute) or else the browser's languages, falling back to
 * English; the direction follows the language.
 */
export function resolveLocale(requested: string | null | undefined, preferred: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  const candidates = [requested, ...preferred].filter((l): l is string => typeof l === 'string' && l.trim() !== '');
  for (const tag of candidates) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const strings = tables[language];
    if (strings !== undefined) return { tag: tag.trim(), strings, dir: rtl.has(language) ? 'rtl' : 'ltr' };
  }
  return { tag: 'en', strings: en, dir: 'ltr' };
}
