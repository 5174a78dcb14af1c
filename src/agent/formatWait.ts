/**
 * A wait in whole seconds as words: "1 second", "45 seconds", "2 minutes 5 seconds".
 *
 * @param seconds - non-negative whole seconds
 */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return unit(s, 'second');
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? unit(minutes, 'minute') : `${unit(minutes, 'minute')} ${unit(rest, 'second')}`;
}
