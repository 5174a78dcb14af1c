import type { Message } from '../transport/types.ts';
import type { Outbox, OutboxEntry } from './createOutbox.ts';
import { normalizeMessage } from './messageOrder.ts';
import type { ThreadItem } from './types.ts';

/**
 * The rows of one conversation's thread: one {@link ThreadItem} per Message object and per outbox entry, made once
 * and kept, so unchanged rows keep their identity and views skip them.
 */
export function threadItems(conversationId: string, userId: string, outbox: Outbox): { itemOf(message: Message): ThreadItem; pendingOf(entry: OutboxEntry): ThreadItem } {
  // One ThreadItem per Message object, so unchanged rows keep their identity and views skip them. A message
  // this browser wrote keeps the key its pending row had, so confirming it changes the row, never replaces it.
  const sentItems = new WeakMap<Message, ThreadItem>();
  const itemOf = (message: Message): ThreadItem => {
    let item = sentItems.get(message);
    if (item === undefined) {
      const key = outbox.keyOf(message.id) ?? message.id;
      item = { key, message, status: 'sent', mine: message.sender_id === userId, error: null };
      sentItems.set(message, item);
    }
    return item;
  };
  const pendingItems = new WeakMap<OutboxEntry, ThreadItem>();
  const pendingOf = (entry: OutboxEntry): ThreadItem => {
    let item = pendingItems.get(entry);
    if (item === undefined) {
      item = {
        key: entry.key,
        message: normalizeMessage({
          id: entry.key,
          conversation_id: conversationId,
          sender_id: entry.input.sender_id,
          created_at: entry.writtenAt,
          body: entry.input.body ?? null,
          message_type: entry.input.message_type ?? 'text',
          media_url: entry.input.media_url ?? null,
          reply_to: entry.input.reply_to ?? null,
        }),
        status: entry.status,
        // The agent's replies go through the outbox too (sender `bot:<id>`): not the visitor's own.
        mine: entry.input.sender_id === userId,
        error: entry.error,
      };
      pendingItems.set(entry, item);
    }
    return item;
  };
  return { itemOf, pendingOf };
}
