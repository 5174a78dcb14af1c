import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReplyModel } from '../../../src/agent/createReplyModel.ts';

// A frame every 16 ms on the fake clock, as requestAnimationFrame would.
const frame = (flush: () => void) => {
  const id = setTimeout(flush, 16);
  return () => clearTimeout(id);
};

describe('a throttled streaming reply', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a dense stream at most every throttleMs, and the last token as soon as the stream pauses', () => {
    const model = createReplyModel({ schedule: frame, throttleMs: 66, idleMs: 6, now: () => Date.now() });
    let updates = 0;
    model.text.subscribe(() => updates++);
    updates = 0;
    // One token every 2 ms for a second.
    for (let i = 0; i < 500; i++) {
      model.append(`t${i} `);
      vi.advanceTimersByTime(2);
    }
    expect(updates).toBeGreaterThanOrEqual(12);
    expect(updates).toBeLessThanOrEqual(17);
    expect(model.text.value.endsWith('t499 ')).toBe(false);

    // The stream pauses: within idleMs (plus one timer turn) the last token is shown.
    vi.advanceTimersByTime(7);
    expect(model.text.value.endsWith('t499 ')).toBe(true);
    expect(model.status.value).toBe('streaming');
  });

  it('without throttleMs shows each frame its tokens, as before', () => {
    const model = createReplyModel({ schedule: frame, now: () => Date.now() });
    let updates = 0;
    model.text.subscribe(() => updates++);
    updates = 0;
    for (let i = 0; i < 160; i++) {
      model.append('x');
      vi.advanceTimersByTime(2);
    }
    vi.advanceTimersByTime(16);
    expect(updates).toBeGreaterThanOrEqual(19);
    expect(model.text.value).toBe('x'.repeat(160));
  });

  it('finish shows everything at once, throttle or not', () => {
    const model = createReplyModel({ schedule: frame, throttleMs: 1000, now: () => Date.now() });
    model.append('a');
    vi.advanceTimersByTime(16);
    model.append('b');
    model.finish();
    expect(model.text.value).toBe('ab');
    expect(model.status.value).toBe('done');
  });
});
