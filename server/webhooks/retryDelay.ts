/**
 * The pause before the next try after `attempts` failed ones: `backoffMs`, doubling each time, at most
 * `maxBackoffMs`, less up to a fifth at random so the retries of many deliveries that failed together (a
 * receiver that was down) do not all arrive in the same instant.
 * @param attempts - tries made so far, 1 after the first
 * @param random - a number in [0, 1); tests pass a fixed one
 * @example retryDelay(1, 5000, 3_600_000) // between 4000 and 5000
 */
export function retryDelay(attempts: number, backoffMs: number, maxBackoffMs: number, random: number = Math.random()): number {
  const full = Math.min(maxBackoffMs, backoffMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  return Math.round(full * (1 - 0.2 * random));
}
