/** What one try of a {@link RetryLoop} came to. */
export type TryOutcome = 'done' | 'again' | 'stop';

/** Options of {@link createRetryLoop}. */
export interface RetryLoopOptions {
  /** One try: 'done' ends the loop, 'stop' too (a failure no retry can mend), 'again' waits and tries again. */
  attempt(): Promise<TryOutcome>;
  /** @defaultValue 1000 */
  baseMs?: number;
  /** @defaultValue 30000 */
  capMs?: number;
  /** @defaultValue Math.random */
  random?: () => number;
}

/** A task tried until it succeeds, for as long as the page is open. */
export interface RetryLoop {
  /**
   * Tries now instead of at the end of the wait (back online, the panel opened, the tab focused, "Try again",
   * another request just succeeded). While a try runs, its failure is followed by another try at once, since the
   * reason to poke came after it started.
   */
  poke(): void;
  /** True once a try came back 'done' or 'stop'. */
  readonly finished: boolean;
  dispose(): void;
}

/**
 * Runs `attempt` now and again after each 'again', waiting with exponential backoff (half of it jittered, so
 * visitors who lost the service together do not all come back in the same instant, yet nobody waits longer
 * than the cap). It never gives up: a page that loaded while the service was down starts once it is back.
 *
 * @example
 * ```ts
 * const loop = createRetryLoop({ attempt: async () => ((await tryStart()) ? 'done' : 'again') });
 * addEventListener('online', () => loop.poke());
 * ```
 */
export function createRetryLoop({ attempt, baseMs = 1000, capMs = 30_000, random = Math.random }: RetryLoopOptions): RetryLoop {
  let failures = 0;
  let running = false;
  let poked = false;
  let finished = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (): Promise<void> => {
    if (running || finished || disposed) return;
    clearTimeout(timer);
    running = true;
    poked = false;
    let outcome: TryOutcome;
    try {
      outcome = await attempt();
    } catch {
      outcome = 'again';
    } finally {
      running = false;
    }
    if (disposed) return;
    if (outcome !== 'again') {
      finished = true;
      return;
    }
    failures += 1;
    if (poked) return void run();
    const full = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 16));
    timer = setTimeout(() => void run(), full / 2 + random() * (full / 2));
  };

  void run();
  return {
    poke() {
      if (running) poked = true;
      else void run();
    },
    get finished() {
      return finished;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
