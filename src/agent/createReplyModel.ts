import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentError } from './errors/AgentError.ts';
import { BlockSplitter } from './markdown/BlockSplitter.ts';
import { scheduleFrame } from './scheduleFrame.ts';
import type { CitedResource } from './types.ts';

/** Where a reply is in its life. */
export type ReplyStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** One streaming agent reply: signals the view reads, actions the transport calls. */
export interface ReplyModel {
  /** All text shown so far (tokens are flushed once per animation frame). */
  readonly text: ReadonlySignal<string>;
  /** Completed markdown blocks; only ever appended to, so each renders once. */
  readonly blocks: ReadonlySignal<readonly string[]>;
  /** The block still being written, shown as plain text until it completes. */
  readonly tail: ReadonlySignal<string>;
  readonly status: ReadonlySignal<ReplyStatus>;
  readonly sources: ReadonlySignal<readonly CitedResource[]>;
  readonly error: ReadonlySignal<AgentError | null>;
  /** Adds a token; tokens arriving within one frame become one update. Ignored once the reply ended. */
  append(token: string): void;
  /** Sets the cited sources (the `message_payload` event). */
  setSources(sources: readonly CitedResource[]): void;
  /** Ends the reply normally: everything pending is shown at once. */
  finish(): void;
  /** "Stop generating": keeps what arrived, calls `onStop` (which aborts the request). */
  stop(): void;
  /** Ends the reply with an error; the text so far stays. */
  fail(error: AgentError): void;
}

/** Options of {@link createReplyModel}. */
export interface ReplyModelOptions {
  /** Called once when the person stops the reply (wire it to an AbortController). */
  onStop?: () => void;
  /** @defaultValue {@link scheduleFrame}: requestAnimationFrame with a timer fallback */
  schedule?: (flush: () => void) => () => void;
  /**
   * While tokens keep coming, show them at most this often (ms); 0 shows every frame's tokens in that frame.
   * Each frame that changes the reply costs the browser a style, layout and paint pass; at ~60 a second that
   * alone is most of a long reply's main-thread time, so the widget shows ~15 updates a second instead. The
   * last token still shows at once: when the stream pauses for `idleMs`, what is pending is shown then.
   * @defaultValue 0
   */
  throttleMs?: number;
  /** See `throttleMs`. @defaultValue 6 */
  idleMs?: number;
  /** @defaultValue performance.now */
  now?: () => number;
}

/**
 * Creates the state of one streaming reply. A 2,000-token reply costs one signal update per frame,
 * not one per token, and the last token is on screen in the frame after it arrives (issue 5).
 */
export function createReplyModel(options: ReplyModelOptions = {}): ReplyModel {
  const schedule = options.schedule ?? scheduleFrame;
  const text = signal('');
  const blocks = signal<readonly string[]>([]);
  const tail = signal('');
  const status = signal<ReplyStatus>('streaming');
  const sources = signal<readonly CitedResource[]>([]);
  const error = signal<AgentError | null>(null);
  const splitter = new BlockSplitter();
  let pending = '';
  let cancelFrame: (() => void) | null = null;
  const throttleMs = options.throttleMs ?? 0;
  const idleMs = options.idleMs ?? 6;
  const now = options.now ?? (() => performance.now());
  let lastFlushAt = -Infinity;
  let lastTokenAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  // Fires `idleMs` after the newest token (re-armed lazily, not per token): a paused stream shows what it has.
  const watchIdle = (): void => {
    idleTimer = undefined;
    if (pending === '') return;
    const quiet = now() - lastTokenAt;
    if (quiet >= idleMs) {
      cancelFrame?.();
      flush();
    } else idleTimer = setTimeout(watchIdle, idleMs - quiet);
  };

  const flush = (): void => {
    cancelFrame = null;
    if (pending === '') return;
    if (throttleMs > 0 && now() - lastFlushAt < throttleMs && now() - lastTokenAt < idleMs) {
      // Too soon while tokens still flow: try again next frame; the idle watch covers a pause.
      cancelFrame = schedule(flush);
      idleTimer ??= setTimeout(watchIdle, idleMs);
      return;
    }
    lastFlushAt = now();
    const chunk = pending;
    pending = '';
    const completed = splitter.push(chunk);
    batch(() => {
      if (completed.length > 0) blocks.value = [...blocks.value, ...completed];
      tail.value = splitter.tail;
      text.value += chunk;
    });
  };
  const end = (next: ReplyStatus): boolean => {
    if (status.peek() !== 'streaming') return false;
    cancelFrame?.();
    clearTimeout(idleTimer);
    lastFlushAt = -Infinity;
    flush();
    status.value = next;
    return true;
  };

  return {
    text,
    blocks,
    tail,
    status,
    sources,
    error,
    append(token) {
      if (status.peek() !== 'streaming' || token === '') return;
      pending += token;
      lastTokenAt = now();
      cancelFrame ??= schedule(flush);
    },
    setSources(list) {
      sources.value = list;
    },
    finish() {
      end('done');
    },
    stop() {
      if (end('stopped')) options.onStop?.();
    },
    fail(e) {
      batch(() => {
        if (end('error')) error.value = e;
      });
    },
  };
}
