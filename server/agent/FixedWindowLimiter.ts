/** The outcome of one request against a limit. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window resets, in ms since the epoch. */
  resetAt: number;
}

/**
 * Counts requests per key in fixed windows, in memory. One process is what the local server runs;
 * several processes behind one Postgres would each count on their own (README).
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { resetAt: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts one request for `key`.
   * @param limit - requests allowed per window
   * @param windowMs - window length
   */
  hit(key: string, limit: number, windowMs: number): RateDecision {
    const now = this.now();
    if (this.windows.size > 10_000) this.prune(now);
    let w = this.windows.get(key);
    if (w === undefined || now >= w.resetAt) {
      w = { resetAt: now + windowMs, count: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.count < limit;
    if (allowed) w.count++;
    return { allowed, limit, remaining: Math.max(0, limit - w.count), resetAt: w.resetAt };
  }

  // Bounded memory: an address whose window is over needs no entry.
  private prune(now: number) {
    for (const [key, w] of this.windows) if (now >= w.resetAt) this.windows.delete(key);
  }
}
