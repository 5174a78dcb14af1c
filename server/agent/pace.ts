import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Yields tokens with a pause before each, like a model generating them; stops as soon as `signal` aborts,
 * so no work goes on after the reader has gone.
 * @param delayMs - pause per token; 0 yields them back to back
 */
export async function* pace(tokens: Iterable<string>, delayMs: number, signal: AbortSignal): AsyncGenerator<string> {
  for (const token of tokens) {
    if (signal.aborted) return;
    if (delayMs > 0) {
      try {
        await sleep(delayMs, undefined, { signal });
      } catch {
        return; // aborted while waiting
      }
    }
    yield token;
  }
}
