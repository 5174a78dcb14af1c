import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Conversation, Message } from '../../transport/types.ts';
import { timeKey } from '../messageOrder.ts';
import type { StoreState } from './createStoreState.ts';

/** Unread counts per conversation and the read markers (the newest message read, per conversation) behind them. */
export interface Unread {
  readonly counts: ReadonlySignal<ReadonlyMap<string, number>>;
  /** Over every conversation, for the launcher badge. */
  readonly total: ReadonlySignal<number>;
  /** Everything the open thread holds of `conversationId` is read. */
  markRead(conversationId: string): void;
  /** A message from someone else arrived: read at once when the reader sees it, else one more unread. */
  noteIncoming(message: Message): void;
  /** A conversation new to the list: every message from others in it is unread (not "first sight counts as read"). */
  noteNew(conversationId: string): void;
  /**
   * Counts again from history the conversations `which` accepts that have messages newer than their marker;
   * the count replaces the old one, so a message also counted live is not counted twice.
   */
  count(which?: (c: Conversation) => boolean): Promise<void>;
}

/** The seed has no unread count: it is counted here, from markers kept in this browser's storage. */
export function createUnread(state: StoreState): Unread {
  const { api, storage, userId, thread, conversations, reading } = state;
  const counts = signal<ReadonlyMap<string, number>>(new Map());
  const lastRead = new Map(Object.entries(storage.get<Record<string, string>>(`read:${userId.value}`) ?? {}));
  const saveRead = () => storage.set(`read:${userId.value}`, Object.fromEntries(lastRead));

  const set = (conversationId: string, n: number) => {
    if ((counts.value.get(conversationId) ?? 0) === n) return;
    const next = new Map(counts.value);
    if (n === 0) next.delete(conversationId);
    else next.set(conversationId, n);
    counts.value = next;
  };

  const total = computed(() => {
    let sum = 0;
    for (const n of counts.value.values()) sum += n;
    return sum;
  });

  const unread: Unread = {
    counts,
    total,
    markRead(conversationId) {
      const open = thread.value;
      const held = open?.conversationId === conversationId ? open.items.peek() : [];
      // From the end: pending rows trail the sent ones, so this stops within a few rows however long the thread.
      const newest = held.findLast((i) => i.status === 'sent')?.message.created_at;
      if (newest !== undefined) {
        lastRead.set(conversationId, newest);
        saveRead();
      }
      set(conversationId, 0);
    },
    noteIncoming(message) {
      const id = message.conversation_id;
      if (reading(id)) unread.markRead(id);
      else if (timeKey(message.created_at) > timeKey(lastRead.get(id) ?? '')) set(id, (counts.value.get(id) ?? 0) + 1);
    },
    noteNew(conversationId) {
      if (!lastRead.has(conversationId)) lastRead.set(conversationId, '');
    },
    async count(which = () => true) {
      const candidates = conversations.value
        .filter((c) => c.last_at !== null && which(c))
        .filter((c) => {
          const read = lastRead.get(c.id);
          if (read === undefined) {
            // First sight on this browser: what is there now counts as read, only what comes later is new.
            lastRead.set(c.id, c.last_at ?? '');
            return false;
          }
          return timeKey(c.last_at ?? '') > timeKey(read);
        })
        .slice(0, 10);
      saveRead();
      await Promise.all(
        candidates.map(async (c) => {
          try {
            const page = await api.history(c.id, { limit: 50 });
            const read = timeKey(lastRead.get(c.id) ?? '');
            const n = page.filter((m) => m.sender_id !== userId.value && timeKey(m.created_at) > read).length;
            if (!reading(c.id)) set(c.id, n);
          } catch {
            // A badge is not worth an error sentence.
          }
        }),
      );
    },
  };
  return unread;
}
