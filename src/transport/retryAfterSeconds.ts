/**
 * Whole seconds a response asks the client to wait: `Retry-After` (delta seconds or an HTTP date), else
 * `X-RateLimit-Reset` (a Unix time in seconds; a 13-digit value is taken as ms). At least 0.
 *
 * @param headers - the response's headers
 * @param now - the current time in ms, injectable for tests
 * @returns undefined when neither header is present or readable
 */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return wholeSeconds(Number(retryAfter));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return wholeSeconds((date - now) / 1000);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    return wholeSeconds(((value > 1e12 ? value : value * 1000) - now) / 1000);
  }
  return undefined;
}

function wholeSeconds(seconds: number): number {
  return Math.max(0, Math.ceil(seconds));
}
