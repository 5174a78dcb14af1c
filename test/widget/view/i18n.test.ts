import { describe, expect, it } from 'vitest';
import { en, type Strings } from '../../../src/i18n/en.ts';
import { ar } from '../../../src/i18n/ar.ts';
import { es } from '../../../src/i18n/es.ts';
import { languages, loadLocale, resolveLocale } from '../../../src/i18n/locales.ts';

const tables: Record<string, Strings> = { en, es, ar };
import { formatWait } from '../../../src/i18n/formatWait.ts';
import { facadeLocale } from '../../../src/facadeLocale.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale tables', () => {
  it.each(Object.keys(tables))('%s has every key of English, none empty, with the same placeholders', (language) => {
    const table = tables[language]!;
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const translated = table[key as keyof typeof en];
      expect(translated.trim(), key).not.toBe('');
      // Arabic's "one new message" spells the number out; every other placeholder must survive translation.
      if (!(language === 'ar' && key === 'jumpNewOne')) expect(placeholders(translated), `${language}.${key}`).toEqual(placeholders(text));
    }
  });

  it('ships a table for every language it lists', () => {
    expect([...languages].sort()).toEqual(Object.keys(tables).sort());
  });

  it('resolves the attribute first, then the browser languages, then English; direction follows the language', async () => {
    // Before its table has loaded a language reads as English, marked not ready.
    expect(resolveLocale('xx', ['ar-EG'])).toMatchObject({ tag: 'ar-EG', language: 'ar', dir: 'rtl', ready: false, strings: en });
    expect(await loadLocale('es-MX', ['ar'])).toMatchObject({ tag: 'es-MX', dir: 'ltr', ready: true, strings: tables.es });
    expect(await loadLocale('xx', ['ar-EG'])).toMatchObject({ tag: 'ar-EG', dir: 'rtl', ready: true, strings: tables.ar });
    expect(resolveLocale(null, ['de-DE'])).toMatchObject({ tag: 'en', dir: 'ltr', ready: true, strings: en });
  });

  it("the loader's facade launcher picks the language resolveLocale picks, with that table's name and direction", () => {
    const cases: [string | null, string[]][] = [
      ['es-MX', ['ar']],
      [null, ['ar-EG', 'en']],
      ['xx', ['de', 'es']],
      [null, ['de-DE']],
      ['constructor', []],
    ];
    for (const [requested, preferred] of cases) {
      const locale = resolveLocale(requested, preferred);
      expect(facadeLocale(requested, preferred), `${requested} ${preferred}`).toEqual({ name: tables[locale.language]!.openChat, dir: locale.dir });
    }
    for (const language of languages) expect(facadeLocale(language, []).name).toBe(tables[language]!.openChat);
  });

  it('a wait reads in the locale: English words by default, Intl units otherwise', () => {
    expect(formatWait(125)).toBe('2 minutes 5 seconds');
    expect(formatWait(125, 'es')).toBe('2 minutos y 5 segundos');
    expect(formatWait(45, 'es')).toBe('45 segundos');
    expect(formatWait(60, 'es')).toBe('1 minuto');
    expect(formatWait(1)).toBe('1 second');
    // A tag Intl refuses: English words rather than none.
    expect(formatWait(125, 'es_MX')).toBe('2 minutes 5 seconds');
  });
});
