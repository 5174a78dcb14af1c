/**
 * Exponential backoff with full jitter: a random wait between 0 and `min(capMs, baseMs * 2^attempt)`.
 * Full jitter spreads the retries of many widgets that failed together (a server restart) instead of
 * bringing them back in one wave.
 *
 * @param attempt - 0 for the first retry
 * @param random - injectable for tests
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
