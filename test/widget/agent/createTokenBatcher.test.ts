import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenBatcher } from '../../../src/transport/agent/createTokenBatcher.ts';

describe('createTokenBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const batcher = (throttleMs: number) => {
    const emitted: string[] = [];
    const b = createTokenBatcher({ throttleMs, idleMs: 6, now: () => Date.now(), emit: (text) => emitted.push(text) });
    return { b, emitted };
  };

  it('emits the first token at once, then a dense stream at most every throttleMs, and the rest as soon as it pauses', () => {
    const { b, emitted } = batcher(66);
    b.push('t0 ');
    expect(emitted).toEqual(['t0 ']);
    // One token every 2 ms for a second.
    for (let i = 1; i < 500; i++) {
      vi.advanceTimersByTime(2);
      b.push(`t${i} `);
    }
    expect(emitted.length).toBeGreaterThanOrEqual(14);
    expect(emitted.length).toBeLessThanOrEqual(17);
    expect(emitted.join('').endsWith('t499 ')).toBe(false);
    // The stream pauses: within idleMs the last token is out, and nothing was lost or repeated.
    vi.advanceTimersByTime(6);
    expect(emitted.join('')).toBe(Array.from({ length: 500 }, (_, i) => `t${i} `).join(''));
  });

  it('with throttleMs 0 emits every token as it comes', () => {
    const { b, emitted } = batcher(0);
    for (let i = 0; i < 20; i++) {
      b.push('x');
      vi.advanceTimersByTime(2);
    }
    expect(emitted).toEqual(Array.from({ length: 20 }, () => 'x'));
  });

  it('flush emits what is pending at once and cancels the timer', () => {
    const { b, emitted } = batcher(1000);
    b.push('a');
    b.push('b');
    b.push('');
    expect(emitted).toEqual(['a']);
    b.flush();
    expect(emitted).toEqual(['a', 'b']);
    b.flush();
    vi.advanceTimersByTime(2000);
    expect(emitted).toEqual(['a', 'b']);
  });
});

describe('createTokenBatcher with a slow stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches tokens 20 ms apart too (a pause is one and a half usual gaps), and shows the last one once the stream stops', () => {
    const emitted: string[] = [];
    const b = createTokenBatcher({ throttleMs: 100, idleMs: 6, now: () => Date.now(), emit: (text) => emitted.push(text) });
    for (let i = 0; i < 100; i++) {
      b.push(`t${i} `);
      vi.advanceTimersByTime(20);
    }
    // Two seconds of tokens: about one update per 100 ms, not one per token.
    expect(emitted.length).toBeGreaterThanOrEqual(18);
    expect(emitted.length).toBeLessThanOrEqual(24);
    vi.advanceTimersByTime(60);
    expect(emitted.join('')).toBe(Array.from({ length: 100 }, (_, i) => `t${i} `).join(''));
  });
});
