import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../server/agent/FixedWindowLimiter.ts';

describe('FixedWindowLimiter', () => {
  it('allows the limit per window, refuses the rest, and starts over when the window ends', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(() => now);
    const hit = () => limiter.hit('agent\n127.0.0.1', 2, 60_000);
    expect(hit()).toEqual({ allowed: true, limit: 2, remaining: 1, resetAt: 1_060_000 });
    expect(hit()).toMatchObject({ allowed: true, remaining: 0 });
    now += 59_999;
    expect(hit()).toEqual({ allowed: false, limit: 2, remaining: 0, resetAt: 1_060_000 });
    now += 1;
    expect(hit()).toEqual({ allowed: true, limit: 2, remaining: 1, resetAt: 1_120_000 });
  });

  it('counts each key on its own', () => {
    const limiter = new FixedWindowLimiter(() => 0);
    expect(limiter.hit('a', 1, 1000).allowed).toBe(true);
    expect(limiter.hit('a', 1, 1000).allowed).toBe(false);
    expect(limiter.hit('b', 1, 1000).allowed).toBe(true);
  });

  it('forgets finished windows once it holds many keys, keeping the ones still running', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(() => now);
    limiter.hit('long', 1, 3_600_000);
    for (let i = 0; i <= 10_000; i++) limiter.hit(`short${i}`, 1, 1000);
    now = 2000;
    limiter.hit('trigger', 1, 1000); // prunes the finished short windows
    expect(limiter.hit('long', 1, 3_600_000).allowed).toBe(false); // an hour-long window survives the pruning
    expect(limiter.hit('short1', 1, 1000).allowed).toBe(true);
  });
});
