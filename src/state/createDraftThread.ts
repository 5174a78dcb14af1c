import { computed, signal } from '@preact/signals';
import { checkImage } from './checkImage.ts';
import type { Thread } from './createThread.ts';
import { sentenceOf } from './failure.ts';
import { normalizeMessage } from './messageOrder.ts';
import { randomId } from './anonymousId.ts';
import type { SendOptions, ThreadItem } from './types.ts';

/** Options of {@link createDraftThread}. */
export interface DraftThreadOptions {
  userId: string;
  /**
   * Creates the conversation (one get-or-create, whose ref its retries reuse) and puts its thread on screen;
   * resolves to that thread, rejects with why it could not.
   */
  start(): Promise<Thread>;
}

/** What the visitor wrote before the conversation existed, in order. */
type Queued = { item: ThreadItem; text: string; options?: SendOptions } | { item: null; file: Blob; options?: SendOptions };

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
  let disposed = false;

  const start = () => {
    if (starting || disposed) return;
    starting = true;
    options.start().then(
      (real) => {
        for (const q of queued.peek()) {
          if (q.item === null) real.sendImage?.(q.file, q.options);
          else real.send(q.text, q.options);
        }
        queued.value = [];
      },
      (error: unknown) => {
        starting = false;
        const reason = sentenceOf(error);
        queued.value = queued.peek().map((q) => (q.item === null ? q : { ...q, item: { ...q.item, status: 'failed', error: reason } }));
      },
    );
  };

  const queue = (q: Queued) => {
    queued.value = [...queued.peek(), q];
    start();
  };

  const thread: Thread = {
    conversationId: '',
    items: computed(() => queued.value.flatMap((q) => (q.item === null ? [] : [q.item]))),
    hasMore: signal(false),
    loadingOlder: signal(false),
    ready: signal(true),
    typing: signal([]),
    loadOlder: async () => {},
    send(text, sendOptions) {
      const body = text.trim();
      if (body === '') return;
      const key = `draft_${randomId()}`;
      const message = normalizeMessage({ id: key, conversation_id: '', sender_id: options.userId, created_at: new Date().toISOString(), body });
      queue({ item: { key, message, status: 'pending', mine: true, error: null }, text: body, options: sendOptions });
    },
    sendImage(file, sendOptions) {
      const checked = checkImage(file);
      if (!checked.ok) return checked.reason;
      queue({ item: null, file: checked.file, options: sendOptions });
      return null;
    },
    retry(key) {
      queued.value = queued.peek().map((q) => (q.item !== null && q.item.key === key ? { ...q, item: { ...q.item, status: 'pending', error: null } } : q));
      start();
    },
    notifyTyping() {},
    receive() {},
    merge() {},
    backfill: async () => {},
    dispose() {
      disposed = true;
    },
  };
  return thread;
}
