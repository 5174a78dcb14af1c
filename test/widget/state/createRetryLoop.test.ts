import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetryLoop, type TryOutcome } from '../../../src/state/createRetryLoop.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A try whose outcome the test decides, one at a time. */
function scripted() {
  const waiting: ((o: TryOutcome) => void)[] = [];
  return { tries: () => waiting.length, attempt: () => new Promise<TryOutcome>((resolve) => waiting.push(resolve)), answer: (o: TryOutcome) => waiting.at(-1)!(o) };
}

describe('createRetryLoop', () => {
  it('tries at once, then after a growing wait (never past the cap), until a try is done', async () => {
    const s = scripted();
    const loop = createRetryLoop({ attempt: s.attempt, baseMs: 100, capMs: 400, random: () => 1 });
    expect(s.tries()).toBe(1);
    for (const wait of [100, 200, 400, 400]) {
      s.answer('again');
      await vi.advanceTimersByTimeAsync(wait - 1);
      const before = s.tries();
      await vi.advanceTimersByTimeAsync(1);
      expect(s.tries()).toBe(before + 1);
    }
    s.answer('done');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(loop.finished).toBe(true);
    expect(s.tries()).toBe(5);
  });

  it('poke tries now instead of at the end of the wait; a poke during a try is followed by another try at once', async () => {
    const s = scripted();
    const loop = createRetryLoop({ attempt: s.attempt, baseMs: 10_000, random: () => 1 });
    loop.poke(); // during the first try
    s.answer('again');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.tries()).toBe(2);
    s.answer('again');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.tries()).toBe(2);
    loop.poke();
    expect(s.tries()).toBe(3);
    s.answer('stop');
    await vi.advanceTimersByTimeAsync(60_000);
    loop.poke();
    expect([loop.finished, s.tries()]).toEqual([true, 3]);
  });
});
