import { timeKey } from '../messageOrder.ts';
import type { Message, TinyChatApi } from '../../transport/types.ts';
import type { OutboxEntry } from '../createOutbox.ts';
import { sameMessage } from './sameMessage.ts';

const pageSize = 50;
const maxPages = 4;

/**
 * Looks for the message an earlier attempt of `entry` stored though its answer was lost: the oldest message in
 * the newest history pages that matches it, is newer than what the thread held when it was written
 * (`entry.after`; the server's created_at only grows within a conversation), and that no other entry has claimed.
 * @param taken - ids already settled for other entries
 */
export async function findSent(api: TinyChatApi, entry: OutboxEntry, taken: ReadonlySet<string>): Promise<Message | null> {
  const after = entry.after === null ? null : timeKey(entry.after);
  let before: string | undefined;
  let found: Message | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const messages = await api.history(entry.conversationId, before === undefined ? { limit: pageSize } : { before, limit: pageSize });
    // Oldest first: the first match of an older page beats any of a newer one.
    const match = messages.find((m) => !taken.has(m.id) && (after === null || timeKey(m.created_at) > after) && sameMessage(m, entry.input));
    if (match !== undefined) found = match;
    const oldest = messages[0];
    if (messages.length < pageSize || oldest === undefined || after === null || timeKey(oldest.created_at) <= after) break;
    before = oldest.created_at;
  }
  return found;
}
