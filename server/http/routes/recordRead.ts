import type { Db } from '../../db/Db.ts';
import { recordWebhookEvent } from '../../webhooks/recordWebhookEvent.ts';
import { ApiError } from '../ApiError.ts';
import { isoSql } from './sqlTime.ts';

/** One participant's read position, as the API serves it. */
export interface ReadPosition {
  user_id: string;
  message_id: string;
  /** The read message's `created_at`: everything up to it is read. */
  message_at: string;
  read_at: string;
}

/** What recording a read did. */
export interface ReadOutcome {
  read: ReadPosition;
  /** False when the stored position was already at or past the message: nothing changed, nothing to announce. */
  moved: boolean;
  /** The reader's unread count in the conversation after this read. */
  unread_count: number;
}

const POSITION_COLUMNS = `user_id, message_id, ${isoSql('message_at')} as message_at, ${isoSql('read_at')} as read_at`;

/**
 * Moves `userId`'s read position in a conversation forward to `messageId`, never backwards; a move is a
 * `conversation.read` webhook event, written in the same transaction.
 * The conversation is already known to be the tenant's; `userId` must be one of its participants (403) and the
 * message one of its messages (404 "message not found", also for another conversation's message).
 */
export async function recordRead(db: Db, tenantId: string, conversationId: string, userId: string, messageId: string): Promise<ReadOutcome> {
  return db.transaction(async (tx) => {
    const [conv] = await tx.query<{ member: boolean }>('select $2 = any(participants) as member from conversations where id = $1', [conversationId, userId]);
    if (conv?.member !== true) throw new ApiError(403, 'user_id is not a participant of this conversation');
    const [message] = await tx.query<{ created_at: string }>('select created_at from messages where id = $1 and conversation_id = $2', [messageId, conversationId]);
    if (message === undefined) throw new ApiError(404, 'message not found');
    // The where clause on conflict is what keeps it from going backwards: an older message updates nothing.
    const moved = await tx.query<ReadPosition>(
      `insert into read_positions (conversation_id, user_id, message_id, message_at)
       select $1, $2, id, created_at from messages where id = $3
       on conflict (conversation_id, user_id) do update set message_id = excluded.message_id, message_at = excluded.message_at, read_at = now()
         where read_positions.message_at < excluded.message_at
       returning ${POSITION_COLUMNS}`,
      [conversationId, userId, messageId],
    );
    const [read] =
      moved.length > 0
        ? moved
        : await tx.query<ReadPosition>(`select ${POSITION_COLUMNS} from read_positions where conversation_id = $1 and user_id = $2`, [conversationId, userId]);
    if (read === undefined) throw new Error('read position vanished');
    const [count] = await tx.query<{ n: number }>(`select ${unreadCountSql('$1', '$2')} as n`, [conversationId, userId]);
    const unread_count = count?.n ?? 0;
    if (moved.length > 0) await recordWebhookEvent(tx, tenantId, 'conversation.read', conversationId, { conversation_id: conversationId, ...read, unread_count });
    return { read, moved: moved.length > 0, unread_count };
  });
}

/**
 * SQL: how many messages of conversation `conv` are unread for user `user` (both SQL expressions, never user
 * input): others' messages, not deleted, newer than both the user's read position and the user's own latest
 * message (answering is reading).
 */
export function unreadCountSql(conv: string, user: string): string {
  return `(select count(*)::int from messages m where m.conversation_id = ${conv} and m.deleted_at is null and m.sender_id <> ${user}
    and m.created_at > greatest(
      coalesce((select r.message_at from read_positions r where r.conversation_id = ${conv} and r.user_id = ${user}), '-infinity'),
      coalesce((select max(o.created_at) from messages o where o.conversation_id = ${conv} and o.sender_id = ${user}), '-infinity')))`;
}

/** SQL: every participant's read position in conversation `conv`, a JSON array (empty when nobody read). */
export function readPositionsSql(conv: string): string {
  return `coalesce((select json_agg(json_build_object('user_id', r.user_id, 'message_id', r.message_id,
    'message_at', ${isoSql('r.message_at')}, 'read_at', ${isoSql('r.read_at')}) order by r.user_id)
    from read_positions r where r.conversation_id = ${conv}), '[]'::json)`;
}
