/**
 * A wait in whole seconds as words in a locale, by Intl: "1 second", "45 seconds", "2 minutes 5 seconds";
 * "2 minutos y 5 segundos" in Spanish.
 *
 * @param seconds - non-negative whole seconds
 * @param tag - the locale @defaultValue 'en'
 */
export function formatWait(seconds: number, tag = 'en'): string {
  const s = Math.max(0, Math.ceil(seconds));
  const parts = (
    s < 60
      ? [[s, 'second']]
      : [
          [Math.floor(s / 60), 'minute'],
          [s % 60, 'second'],
        ]
  ) as [number, string][];
  // English's narrow list has no comma ("2 minutes 5 seconds"); other languages' long one joins with their "and".
  const words = (locale: string) =>
    new Intl.ListFormat(locale, { type: 'unit', style: /^en\b/i.test(locale) ? 'narrow' : 'long' }).format(
      parts.filter(([n], i) => i === 0 || n > 0).map(([n, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n)),
    );
  try {
    return words(tag);
  } catch {
    // A tag Intl refuses ("es_MX"): English words rather than none.
    return words('en');
  }
}
