import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Message, SendInput, TinyChatApi } from '../transport/types.ts';
import type { Sentence } from '../i18n/sentence.ts';
import { randomId } from './anonymousId.ts';
import type { WidgetStorage } from './createStorage.ts';
import { isTransient, sentenceOf } from './failure.ts';

/** A message the visitor wrote that the server has not confirmed yet. Its key is also its `Idempotency-Key`. */
export interface OutboxEntry {
  readonly key: string;
  readonly conversationId: string;
  readonly input: SendInput;
  /** When it was written (client clock); orders it among other pending entries. */
  readonly writtenAt: string;
  readonly status: 'pending' | 'failed';
  readonly error: Sentence | null;
  /** Id of the server's message once its realtime echo arrived before the POST's answer. */
  readonly echoId: string | null;
}

export interface Outbox {
  readonly entries: ReadonlySignal<readonly OutboxEntry[]>;
  add(conversationId: string, input: SendInput): OutboxEntry;
  retry(key: string): void;
  /** Tries every pending entry now (back online, rejoined, reloaded). */
  drain(): void;
  /** Links a live message from this visitor to the oldest matching pending entry, so it shows once. */
  claimEcho(message: Message): boolean;
  /** The key of the entry that became the server's message `messageId` (its echo arrived, or its send answered). */
  keyOf(messageId: string): string | undefined;
  dispose(): void;
}

export interface OutboxOptions {
  api: TinyChatApi;
  storage: WidgetStorage;
  /** Called once per entry when the server confirmed it. */
  onSent(entry: OutboxEntry, message: Message): void;
  /** Told when a send failed for a reason that may pass (offline, 5xx); the outbox retries by itself. */
  onTransientFailure?(error: unknown): void;
}

const maxDelayMs = 30_000;

/**
 * Keeps unsent messages through offline spells and reloads (persisted) and sends each exactly once: every
 * attempt of one entry carries the same Idempotency-Key, so a retry after a lost answer is a replay, not a
 * second message. Entries go out one at a time, in the order written.
 */
export function createOutbox({ api, storage, onSent, onTransientFailure }: OutboxOptions): Outbox {
  const entries = signal<readonly OutboxEntry[]>(
    (storage.get<OutboxEntry[]>('outbox') ?? []).map((e) => ({
      ...e,
      status: e.status === 'failed' ? 'failed' : 'pending',
      // Kept by an older version as an English string: the row says "Not sent." in the reader's language instead.
      error: typeof e.error === 'object' ? e.error : null,
    })),
  );
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let disposed = false;
  // Server id -> entry key, for as long as the page lives: a confirmed message's row keeps its pending key.
  const keys = new Map<string, string>();
  for (const e of entries.value) if (e.echoId !== null) keys.set(e.echoId, e.key);

  const save = () => storage.set('outbox', entries.value);
  const update = (key: string, change: Partial<OutboxEntry>) => {
    entries.value = entries.value.map((e) => (e.key === key ? { ...e, ...change } : e));
    save();
  };
  const removeEntry = (key: string) => {
    entries.value = entries.value.filter((e) => e.key !== key);
    save();
  };

  const schedule = () => {
    clearTimeout(timer);
    // Exponential backoff with full jitter, so many visitors coming back at once do not arrive together.
    const delay = Math.random() * Math.min(maxDelayMs, 1000 * 2 ** Math.min(failures, 5));
    timer = setTimeout(() => void run(), delay);
  };

  async function run(): Promise<void> {
    if (running || disposed) return;
    running = true;
    try {
      for (;;) {
        const next = entries.value.find((e) => e.status === 'pending');
        if (next === undefined || disposed) return;
        try {
          const message = await api.send(next.conversationId, next.input, next.key);
          failures = 0;
          keys.set(message.id, next.key);
          batch(() => {
            removeEntry(next.key);
            onSent(next, message);
          });
        } catch (error) {
          if (disposed) return;
          if (isTransient(error)) {
            failures += 1;
            onTransientFailure?.(error);
            schedule();
            return;
          }
          update(next.key, { status: 'failed', error: sentenceOf(error) });
        }
      }
    } finally {
      running = false;
    }
  }

  const online = () => {
    failures = 0;
    void run();
  };
  globalThis.addEventListener?.('online', online);

  return {
    entries,
    add(conversationId, input) {
      const entry: OutboxEntry = {
        key: randomId(),
        conversationId,
        input,
        writtenAt: new Date().toISOString(),
        status: 'pending',
        error: null,
        echoId: null,
      };
      entries.value = [...entries.value, entry];
      save();
      void run();
      return entry;
    },
    retry(key) {
      update(key, { status: 'pending', error: null });
      failures = 0;
      void run();
    },
    drain() {
      failures = 0;
      clearTimeout(timer);
      void run();
    },
    claimEcho(message) {
      const match = entries.value.find(
        (e) =>
          e.echoId === null &&
          e.conversationId === message.conversation_id &&
          e.input.sender_id === message.sender_id &&
          (e.input.body ?? null) === (message.body ?? null) &&
          (e.input.media_url ?? null) === (message.media_url ?? null),
      );
      if (match === undefined) return entries.value.some((e) => e.echoId === message.id);
      keys.set(message.id, match.key);
      update(match.key, { echoId: message.id });
      return true;
    },
    keyOf: (messageId) => keys.get(messageId),
    dispose() {
      disposed = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', online);
    },
  };
}
