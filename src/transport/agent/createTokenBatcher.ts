/** Options of {@link createTokenBatcher}. */
export interface TokenBatcherOptions {
  /** Receives the tokens gathered since the last call, joined. */
  emit: (text: string) => void;
  /** While tokens keep coming, emit at most this often (ms). 0 emits every token at once. */
  throttleMs: number;
  /**
   * When no token came for this long (ms), emit what is pending at once; a stream whose tokens are further apart
   * waits one and a half of its usual gaps instead (capped at `throttleMs`), so a slow stream is batched too rather than
   * shown token by token. @defaultValue 3
   */
  idleMs?: number;
  /** @defaultValue performance.now */
  now?: () => number;
}

/** A token batcher: `push` each token, `flush` at the end of the stream. */
export interface TokenBatcher {
  push(token: string): void;
  /** Emits what is pending now (the stream ended, failed or was stopped). */
  flush(): void;
}

/**
 * Gathers a stream's tokens into a few updates: the first token at once, then at most one update per
 * `throttleMs` while tokens flow, and the moment the stream pauses for `idleMs` whatever is pending, so the last
 * token of a burst is never held back. A 2,000-token reply at one token every 2 ms becomes ~60 updates instead
 * of 2,000, each of which would cost the page a style, layout and paint pass (issue 5's budget).
 *
 * It is timer-driven and knows nothing of frames, so it runs in the stream worker as well as on the main thread.
 *
 * @example
 * const batcher = createTokenBatcher({ throttleMs: 66, emit: (text) => model.append(text) });
 * onToken = batcher.push; onEnd = batcher.flush;
 */
export function createTokenBatcher(options: TokenBatcherOptions): TokenBatcher {
  const { emit, throttleMs } = options;
  const idleMs = options.idleMs ?? 3;
  const now = options.now ?? (() => performance.now());
  let pending = '';
  let lastEmitAt = -Infinity;
  let lastTokenAt = -Infinity;
  // The stream's usual gap between tokens (a moving average), for what counts as a pause.
  let gap = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    const text = pending;
    pending = '';
    lastEmitAt = now();
    emit(text);
  };
  // One timer at a time, re-armed for whichever comes first: the pause or the end of the throttle window.
  const check = (): void => {
    timer = undefined;
    const t = now();
    const quiet = t - lastTokenAt;
    const since = t - lastEmitAt;
    const pause = pauseMs();
    if (quiet >= pause || since >= throttleMs) flush();
    else timer = setTimeout(check, Math.min(pause - quiet, throttleMs - since));
  };

  const pauseMs = (): number => Math.min(Math.max(idleMs, 1.5 * gap), Math.max(throttleMs, idleMs));

  return {
    push(token) {
      if (token === '') return;
      pending += token;
      const t = now();
      if (lastTokenAt > -Infinity) gap = gap === 0 ? t - lastTokenAt : 0.8 * gap + 0.2 * (t - lastTokenAt);
      lastTokenAt = t;
      if (t - lastEmitAt >= throttleMs) flush();
      else timer ??= setTimeout(check, Math.min(pauseMs(), throttleMs - (t - lastEmitAt)));
    },
    flush,
  };
}
