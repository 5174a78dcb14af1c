import { describe, expect, it } from 'vitest';
import { en } from '../../../src/view/i18n/en.ts';
import { resolveLocale, tables } from '../../../src/view/i18n/locales.ts';
import { formatWait } from '../../../src/agent/formatWait.ts';

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

  it('resolves the attribute first, then the browser languages, then English; direction follows the language', () => {
    expect(resolveLocale('es-MX', ['ar'])).toMatchObject({ tag: 'es-MX', dir: 'ltr', strings: tables.es });
    expect(resolveLocale('xx', ['ar-EG'])).toMatchObject({ tag: 'ar-EG', dir: 'rtl', strings: tables.ar });
    expect(resolveLocale(null, ['de-DE'])).toMatchObject({ tag: 'en', dir: 'ltr', strings: en });
  });

  it('a wait reads in the locale: English words by default, Intl units otherwise', () => {
    expect(formatWait(125)).toBe('2 minutes 5 seconds');
    expect(formatWait(125, 'es')).toBe('2 minutos y 5 segundos');
    expect(formatWait(45, 'es')).toBe('45 segundos');
  });
});
