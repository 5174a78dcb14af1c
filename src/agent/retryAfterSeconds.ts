/** Used when a 429 names no wait at all: long enough not to hammer the agent, short enough to retry soon. */
const DEFAULT_WAIT = 30;

/**
 * Whole seconds to wait after a 429, from `Retry-After` (seconds or an HTTP date) or else
 * `X-RateLimit-Reset` (a Unix timestamp, in seconds; milliseconds tolerated). Never less than 1.
 *
 * @param headers - the 429 response's headers
 * @param now - the current time in ms, injectable for tests
 * @defaultValue 30 when neither header is usable
 */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return atLeastOne(Number(retryAfter));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return atLeastOne((date - now) / 1000);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    // The seed says seconds; a 13-digit value can only be milliseconds.
    const resetMs = value > 1e12 ? value : value * 1000;
    return atLeastOne((resetMs - now) / 1000);
  }
  return DEFAULT_WAIT;
}

function atLeastOne(seconds: number): number {
  return Math.max(1, Math.ceil(seconds));
}
