import { en, type Strings } from './en.ts';

/**
 * The other tables, loaded only by the visitors who read them: English ships in the widget's chunk, each
 * other language is a chunk of its own. Add a language: one file with every key of `en`, listed here.
 */
const loaders: Readonly<Record<string, () => Promise<Strings>>> = {
  es: () => import('./es.ts').then((m) => m.es),
  ar: () => import('./ar.ts').then((m) => m.ar),
};
const loaded = new Map<string, Strings>([['en', en]]);

/** Language subtags with a table. */
export const languages: readonly string[] = ['en', ...Object.keys(loaders)];

/** Languages written right to left, by language subtag. */
const rtl = new Set(['ar', 'he', 'fa', 'ur']);

/** What a locale resolves to: its table, its direction, and the locale Intl should format with. */
export interface Locale {
  /** BCP 47 tag used for dates and numbers (the visitor's own, e.g. "es-MX"). */
  tag: string;
  /** The language subtag whose table applies. */
  language: string;
  /** That table once loaded; English until then. */
  strings: Strings;
  /** Whether `strings` is the language's own table. */
  ready: boolean;
  dir: 'ltr' | 'rtl';
}

/**
 * Picks the language for `requested` (the `locale` attribute) or else the browser's languages, falling back to
 * English; the direction follows the language. Synchronous: a table not loaded yet reads as English with
 * `ready: false` (see {@link loadLocale}).
 */
export function resolveLocale(requested: string | null | undefined, preferred: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  const candidates = [requested, ...preferred].filter((l): l is string => typeof l === 'string' && l.trim() !== '');
  for (const tag of candidates) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (!languages.includes(language)) continue;
    const strings = loaded.get(language);
    return { tag: tag.trim(), language, strings: strings ?? en, ready: strings !== undefined, dir: rtl.has(language) ? 'rtl' : 'ltr' };
  }
  return { tag: 'en', language: 'en', strings: en, ready: true, dir: 'ltr' };
}

/** {@link resolveLocale} once the language's table has loaded (English if it cannot load). */
export async function loadLocale(requested: string | null | undefined, preferred?: readonly string[]): Promise<Locale> {
  const first = resolveLocale(requested, preferred);
  const load = loaders[first.language];
  if (first.ready || load === undefined) return first;
  try {
    loaded.set(first.language, await load());
  } catch {
    // Offline or blocked: the widget stays in English rather than failing.
    return first;
  }
  return resolveLocale(requested, preferred);
}
