/**
 * A wait in whole seconds as words: "1 second", "45 seconds", "2 minutes 5 seconds".
 *
 * @param seconds - non-negative whole seconds
 * @param tag - a locale other than English: the units are Intl's words for it ("2 minutos y 5 segundos")
 */
export function formatWait(seconds: number, tag?: string): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (tag !== undefined && !/^en\b/i.test(tag)) {
    const parts = s < 60 ? [[s, 'second']] as const : [[Math.floor(s / 60), 'minute'], [s % 60, 'second']] as const;
    try {
      const words = parts.filter(([n], i) => i === 0 || n > 0).map(([n, unit]) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
      return new Intl.ListFormat(tag, { type: 'unit', style: 'long' }).format(words);
    } catch {
      // An unknown tag: the English words below.
    }
  }
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return unit(s, 'second');
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? unit(minutes, 'minute') : `${unit(minutes, 'minute')} ${unit(rest, 'second')}`;
}
