import { computed, signal } from '@preact/signals';
import { randomId } from './anonymousId.ts';
import { checkImage } from './checkImage.ts';
import type { Thread } from './createThread.ts';
import { sentenceOf } from './failure.ts';
import { tooLong } from './messageLimit.ts';
import { normalizeMessage } from './messageOrder.ts';
import type { ThreadItem } from './types.ts';

/** Options of {@link createDraftThread}. */
export interface DraftThreadOptions {
  userId: string;
  /**
   * Creates the conversation (one get-or-create, whose ref its retries reuse), puts its thread on screen under
   * `viewKey` (the draft's) and, in the same step, calls `handOver` with it: what was queued is in the real thread
   * before it is first drawn, so no row leaves the screen. Rejects with why it could not.
   */
  start(viewKey: string, handOver: (real: Thread) => void): Promise<void>;
}

/** What the visitor sent before the conversation existed: `send` hands it to the real thread. */
interface Queued {
  item: ThreadItem | null;
  send(real: Thread): void;
}

/**
 * A thread for a conversation that does not exist yet: a visitor who opens the widget is in a thread at once,
 * with the message box, and the conversation is created by the first send, so people who only looked leave no
 * empty conversation behind. What is sent meanwhile shows as pending; once the conversation exists the store
 * shows its real thread and everything queued here is handed to it in order (through the outbox: sent exactly
 * once). A failed start marks the queued messages failed with the reason, and Retry starts again.
 */
export function createDraftThread(options: DraftThreadOptions): Thread {
  const queued = signal<readonly Queued[]>([]);
  let starting = false;
  const viewKey = `draft:${randomId()}`;

  const mark = (change: (item: ThreadItem) => ThreadItem | null) => (queued.value = queued.peek().map((q) => ({ ...q, item: q.item && (change(q.item) ?? q.item) })));
  const start = () => {
    if (starting) return;
    starting = true;
    options
      .start(viewKey, (real) => queued.peek().forEach((q) => q.send(real)))
      .then(
        () => undefined,
        (error: unknown) => {
          starting = false;
          mark((item) => ({ ...item, status: 'failed', error: sentenceOf(error) }));
        },
      );
  };
  const queue = (q: Queued) => {
    queued.value = [...queued.peek(), q];
    start();
  };
  const none = signal(false);

  return {
    conversationId: '',
    viewKey,
    items: computed(() => queued.value.flatMap((q) => q.item ?? [])),
    hasMore: none,
    loadingOlder: none,
    ready: signal(true),
    typing: signal([]),
    loadOlder: async () => {},
    send(text, sendOptions) {
      const body = text.trim();
      if (body === '' || tooLong(body)) return;
      // The outbox's own kind of key and the time it was written: the real thread shows it as the same row.
      const key = randomId();
      const at = new Date().toISOString();
      const message = normalizeMessage({ id: key, conversation_id: '', sender_id: options.userId, created_at: at, body });
      queue({ item: { key, message, status: 'pending', mine: true, error: null }, send: (real) => real.send(body, { ...sendOptions, written: { key, at } }) });
    },
    sendImage(file, sendOptions) {
      const checked = checkImage(file);
      if (!checked.ok) return checked.reason;
      queue({ item: null, send: (real) => real.sendImage?.(checked.file, sendOptions) });
      return null;
    },
    retry(key) {
      mark((item) => (item.key === key ? { ...item, status: 'pending', error: null } : null));
      start();
    },
    notifyTyping() {},
    // Nothing is held before the conversation exists, so nothing to cache or load again.
    held: signal([]),
    reload() {},
    receive() {},
    merge() {},
    backfill: async () => {},
    dispose() {},
  };
}
