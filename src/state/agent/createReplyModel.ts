import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentError } from '../../transport/errors/AgentError.ts';
import { BlockSplitter } from '../../markdown/BlockSplitter.ts';
import { scheduleFrame } from './scheduleFrame.ts';
import type { CitedResource } from '../../transport/agent/types.ts';

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
}

/**
 * Creates the state of one streaming reply. Tokens appended within one frame become one signal update, shown
 * before that frame paints. How often tokens are appended is the caller's choice: `streamReply` batches them
 * (see `createTokenBatcher`) so a 2,000-token reply changes the screen ~60 times, not 2,000 (issue 5).
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

  const flush = (): void => {
    cancelFrame = null;
    if (pending === '') return;
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
