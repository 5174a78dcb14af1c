import { batch, signal, type ReadonlySignal } from '@preact/signals';
import { isNetworkError } from '../transport/errors/NetworkError.ts';
import type { Message, SendInput, TinyChatApi } from '../transport/types.ts';
import type { Sentence } from '../i18n/sentence.ts';
import { randomId } from './anonymousId.ts';
import type { WidgetStorage } from './createStorage.ts';
import type { Delivery } from './Delivery.ts';
import { isTransient, sentenceOf } from './failure.ts';
import { timeKey } from './messageOrder.ts';
import type { WrittenRow } from './types.ts';

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
  /** created_at of the newest message the thread held when this was written: its stored copy is newer. */
  readonly after: string | null;
  /** Sent at least once (here or, before a reload, by another page): only such an entry can have an echo. */
  readonly tried?: boolean;
}

export interface Outbox {
  readonly entries: ReadonlySignal<readonly OutboxEntry[]>;
  /** `written`: the row already shown for it, whose key and time it keeps. */
  add(conversationId: string, input: SendInput, written?: WrittenRow): OutboxEntry;
  retry(key: string): void;
  /** Forgets a failed entry, in storage too (the visitor deleted it, or took its text back to edit it). */
  discard(key: string): OutboxEntry | undefined;
  /** True after a send failed for a reason that may pass (offline, 5xx), until one goes through. */
  readonly waiting: ReadonlySignal<boolean>;
  /**
   * Tries every pending entry now (back online, rejoined, reloaded, another request just succeeded): the
   * backoff's wait ends, and an attempt that has been hanging for a while is started again (same key).
   */
  drain(): void;
  /** Links a live message from this visitor to the oldest matching pending entry, so it shows once. */
  claimEcho(message: Message): boolean;
  /**
   * How entries are stored from now on (default: each attempt with its Idempotency-Key), and what to switch to
   * once if the browser refuses those requests; starts an outbox made `held`.
   */
  useDelivery(delivery: Delivery | null, fallback?: () => Promise<Delivery>): void;
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
  /** created_at of the newest message held for a conversation (see {@link OutboxEntry.after}). */
  newestKnown?(conversationId: string): string | null;
  /** Send nothing until {@link Outbox.useDelivery}: the server's features decide how to send. */
  held?: boolean;
}

const maxDelayMs = 30_000;

/**
 * Keeps unsent messages through offline spells and reloads (persisted) and sends each exactly once: every
 * attempt of one entry carries the same Idempotency-Key, so a retry after a lost answer is a replay, not a
 * second message; a server without keys gets a {@link Delivery} that looks in history first instead.
 * Entries go out one at a time, in the order written.
 */
export function createOutbox({ api, storage, onSent, onTransientFailure, newestKnown, held = false }: OutboxOptions): Outbox {
  const entries = signal<readonly OutboxEntry[]>(
    (storage.get<OutboxEntry[]>('outbox') ?? []).map((e) => ({
      ...e,
      status: e.status === 'failed' ? 'failed' : 'pending',
      // Kept by an older version as an English string: the row says "Not sent." in the reader's language instead.
      error: typeof e.error === 'object' ? e.error : null,
      after: e.after ?? null,
      // Kept from another page's life, which may have sent it: its echo or stored copy may come.
      tried: true,
    })),
  );
  // With its Idempotency-Key a send may be restarted (drain() aborts one stuck on a dead connection): a repeat is a replay.
  const keyed: Delivery = (e, signal) => api.send(e.conversationId, e.input, e.key, { signal });
  let deliver: Delivery | null = held ? null : keyed;
  let fallback: (() => Promise<Delivery>) | undefined;
  // Network errors of one entry while the service answers other requests: the browser refuses the send itself.
  let refusals = 0;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let disposed = false;
  const waiting = signal(false);
  // The attempt in flight, so a wake can end one that hangs on a dead connection (its key makes the new one safe).
  let inFlight: { controller: AbortController; since: number } | null = null;
  const woken = Symbol('woken');
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
        if (next === undefined || disposed || deliver === null) return;
        if (next.tried !== true) update(next.key, { tried: true });
        const controller = new AbortController();
        inFlight = { controller, since: Date.now() };
        try {
          const stored = await deliver(next, controller.signal);
          failures = 0;
          refusals = 0;
          if (stored !== null) keys.set(stored.id, next.key);
          batch(() => {
            waiting.value = false;
            removeEntry(next.key);
            // The seed's send answer has fewer fields than a message: the rest is what was sent.
            if (stored !== null) onSent(next, { ...stored, media_url: stored.media_url ?? next.input.media_url ?? null, reply_to: stored.reply_to ?? next.input.reply_to ?? null });
          });
        } catch (error) {
          if (disposed) return;
          if (controller.signal.reason === woken) continue;
          if (isNetworkError(error) && (await refused(next.conversationId))) {
            refusals = 0;
            const load = fallback;
            fallback = undefined;
            const other = await load?.().catch(() => undefined);
            if (other !== undefined) {
              deliver = other;
              continue;
            }
            update(next.key, { status: 'failed', error: { key: 'errorBlocked' } });
            continue;
          }
          if (isTransient(error)) {
            waiting.value = true;
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
      inFlight = null;
    }
  }

  /**
   * A send failed below HTTP: when a read of the same service then works, count it; the second in a row is the
   * browser refusing the request (CORS, mixed content), which no waiting cures.
   */
  async function refused(conversationId: string): Promise<boolean> {
    if (globalThis.navigator?.onLine === false) return false;
    try {
      await api.history(conversationId, { limit: 1 });
    } catch {
      return false;
    }
    refusals += 1;
    return refusals >= 2;
  }

  const online = () => {
    failures = 0;
    void run();
  };
  globalThis.addEventListener?.('online', online);

  return {
    entries,
    add(conversationId, input, written) {
      const entry: OutboxEntry = {
        key: written?.key ?? randomId(),
        conversationId,
        input,
        writtenAt: written?.at ?? new Date().toISOString(),
        status: 'pending',
        error: null,
        echoId: null,
        after: newestKnown?.(conversationId) ?? null,
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
    discard(key) {
      const entry = entries.value.find((e) => e.key === key);
      if (entry?.status !== 'failed') return undefined;
      removeEntry(key);
      return entry;
    },
    waiting,
    drain() {
      failures = 0;
      clearTimeout(timer);
      // One that has waited over a second for an answer most likely went to a connection that is gone.
      if (inFlight !== null && Date.now() - inFlight.since > 1000) inFlight.controller.abort(woken);
      void run();
    },
    claimEcho(message) {
      const match = entries.value.find(
        (e) =>
          e.echoId === null &&
          e.tried === true &&
          // An older message with the same words (from before this entry was written) is not its echo.
          (e.after === null || timeKey(message.created_at) > timeKey(e.after)) &&
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
    useDelivery(delivery, onRefused) {
      deliver = delivery ?? keyed;
      fallback = onRefused;
      failures = 0;
      void run();
    },
    keyOf: (messageId) => keys.get(messageId),
    dispose() {
      disposed = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', online);
    },
  };
}
