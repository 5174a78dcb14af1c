import { FixedWindowLimiter } from '../agent/FixedWindowLimiter.ts';
import type { Rate } from './LimitSettings.ts';
import { waitSeconds } from './waitSeconds.ts';

/**
 * Throttles guessing keys: once an address has sent `rate.limit` wrong keys in a window, every request from it
 * that carries a key waits until the window ends, right key or not (so a guess that happens to be right is not
 * told apart from the wrong ones).
 */
export class WrongKeyGuard {
  private readonly limiter: FixedWindowLimiter;
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = new FixedWindowLimiter(now);
  }

  /** Seconds this address must wait before its next key is looked at, or undefined when it need not. */
  wait(address: string): number | undefined {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return undefined;
    const now = this.now();
    if (now >= until) {
      this.blockedUntil.delete(address);
      return undefined;
    }
    return waitSeconds(until, now);
  }

  /** Counts one wrong key from this address. */
  failed(address: string): void {
    const d = this.limiter.hit(address, this.rate.limit, this.rate.windowSeconds * 1000);
    if (d.remaining > 0) return;
    // Bounded: addresses whose wait is over are dropped before the map grows past what one busy minute needs.
    if (this.blockedUntil.size > 10_000) for (const [a, t] of this.blockedUntil) if (t <= this.now()) this.blockedUntil.delete(a);
    this.blockedUntil.set(address, d.resetAt);
  }
}
