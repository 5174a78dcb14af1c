import { tokenExpiry } from './tokenExpiry.ts';

/** Asks this long before `exp` for a fresh token, or at 80% of a shorter token's life. */
const AHEAD_MS = 60_000;

/**
 * Calls `refresh` shortly before `token` expires (nothing for a token without a readable `exp`).
 * A chunk of its own: only a page that gives a user token loads it.
 * @returns cancels the call
 */
export function scheduleTokenRefresh(token: string, refresh: () => void, now: () => number = Date.now): () => void {
  const exp = tokenExpiry(token);
  if (exp === undefined) return () => {};
  const left = exp - now();
  const wait = left > AHEAD_MS * 2 ? left - AHEAD_MS : Math.max(0, left * 0.8);
  // setTimeout's delay is a 32-bit number: a token valid for weeks is looked at again in 24 days.
  const timer = setTimeout(refresh, Math.min(wait, 2 ** 31 - 1));
  return () => clearTimeout(timer);
}
