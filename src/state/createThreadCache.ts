import type { Message } from '../transport/types.ts';
import type { WidgetStorage } from './createStorage.ts';

/** What a thread had loaded, to show again when it is reopened without a connection. */
export interface ThreadCache {
  /** The messages last held for a conversation (oldest first), from memory, else the newest page in storage. */
  get(conversationId: string): readonly Message[] | undefined;
  /** Keeps every message in memory for this page and the newest {@link storedPerThread} in storage. */
  put(conversationId: string, messages: readonly Message[]): void;
}

/** Enough to fill the panel; ten thousand characters a message at most, so a thread stays well under 1 MB. */
export const storedPerThread = 30;
/** Threads kept in storage, the most recently written first. */
const storedThreads = 5;

/**
 * Holds what each thread loaded, so going Back and reopening a thread while offline (or reloading while the
 * service is down) shows its history with the pending rows after it, instead of the pending rows alone.
 * Memory keeps everything held this page; storage the newest page of the few latest threads, per user.
 */
export function createThreadCache(storage: WidgetStorage, userId: string): ThreadCache {
  const memory = new Map<string, readonly Message[]>();
  const index = `threads:${userId}`;
  const keyOf = (id: string) => `thread:${userId}:${id}`;
  return {
    get(conversationId) {
      return memory.get(conversationId) ?? storage.get<Message[]>(keyOf(conversationId));
    },
    put(conversationId, messages) {
      if (messages.length === 0) return;
      memory.set(conversationId, messages);
      storage.set(keyOf(conversationId), messages.slice(-storedPerThread));
      const ids = [conversationId, ...(storage.get<string[]>(index) ?? []).filter((id) => id !== conversationId)];
      for (const old of ids.slice(storedThreads)) storage.remove(keyOf(old));
      storage.set(index, ids.slice(0, storedThreads));
    },
  };
}
