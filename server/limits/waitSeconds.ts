/** Whole seconds until `resetAt` (ms since the epoch), at least 1: what `Retry-After` says. */
export function waitSeconds(resetAt: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((resetAt - now) / 1000));
}
