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
   * Creates the conversation (one get-or-create, whose ref its retries reuse) and puts its thread on screen;
   * resolves to that thread, rejects with why it could not.
   */
  start(): Promise<Thread>;
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

  const mark = (change: (item: ThreadItem) => ThreadItem | null) => (queued.value = queued.peek().map((q) => ({ ...q, item: q.item && (change(q.item) ?? q.item) })));
  const start = () => {
    if (starting) return;
    starting = true;
    options.start().then(
      (real) => queued.peek().forEach((q) => q.send(real)),
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
    items: computed(() => queued.value.flatMap((q) => q.item ?? [])),
    hasMore: none,
    loadingOlder: none,
    ready: signal(true),
    typing: signal([]),
    loadOlder: async () => {},
    send(text, sendOptions) {
      const body = text.trim();
      if (body === '' || tooLong(body)) return;
      const key = `draft_${randomId()}`;
      const message = normalizeMessage({ id: key, conversation_id: '', sender_id: options.userId, created_at: new Date().toISOString(), body });
      queue({ item: { key, message, status: 'pending', mine: true, error: null }, send: (real) => real.send(body, sendOptions) });
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
