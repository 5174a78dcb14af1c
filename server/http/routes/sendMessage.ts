import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/Db.ts';
import { recordWebhookEvent } from '../../webhooks/recordWebhookEvent.ts';
import { withSenderNames } from './withNames.ts';
import { ApiError } from '../ApiError.ts';
import { findConversation } from './findConversation.ts';
import { MESSAGE_COLUMNS, PREVIEW_SQL, type MessageRow } from './messageColumns.ts';

/** A validated send request. */
export interface NewMessage {
  senderId: string;
  receiverId?: string;
  body?: string;
  messageType: 'text' | 'image';
  mediaUrl?: string;
  replyTo?: string;
  /** The `Idempotency-Key` header: a retry with the same key (same sender, same conversation) is one message. */
  idempotencyKey?: string;
}

/**
 * Inserts a message and moves the conversation's last activity, in one transaction.
 *
 * The conversation row is locked first, so sends to one conversation go one at a time; that makes
 * `created_at = greatest(now, previous max + 1 µs)` unique per conversation (the `before` cursor then pages
 * every message exactly once), and makes a concurrent retry with the same Idempotency-Key find the first
 * attempt's row instead of racing it.
 * @returns the row, and `replayed` when an earlier send with the same key is returned instead
 */
export async function sendMessage(db: Db, tenantId: string, conversationId: string | undefined, m: NewMessage): Promise<{ message: MessageRow; replayed: boolean }> {
  return db.transaction(async (tx) => {
    const convId = await findConversation(tx, tenantId, conversationId, true);
    if (m.idempotencyKey !== undefined) {
      const [earlier] = await tx.query<MessageRow>(`select ${MESSAGE_COLUMNS} from messages where conversation_id = $1 and sender_id = $2 and idempotency_key = $3`, [
        convId,
        m.senderId,
        m.idempotencyKey,
      ]);
      if (earlier !== undefined) return { message: earlier, replayed: true };
    }
    if (m.replyTo !== undefined) {
      const target = await tx.query('select 1 from messages where id = $1 and conversation_id = $2', [m.replyTo, convId]);
      if (target.length === 0) throw new ApiError(400, 'reply_to must be a message in this conversation');
    }
    const [message] = await tx.query<MessageRow>(
      `with m as (
         insert into messages (id, conversation_id, sender_id, receiver_id, body, message_type, media_url, reply_to, idempotency_key, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, greatest(clock_timestamp(),
           (select max(created_at) from messages where conversation_id = $2) + interval '1 microsecond'))
         returning *
       ), c as (
         update conversations set last_at = (select created_at from m), last_message = (select ${PREVIEW_SQL} from m)
         where id = $2
       )
       select ${MESSAGE_COLUMNS} from m`,
      [`m_${randomUUID()}`, convId, m.senderId, m.receiverId ?? null, m.body ?? null, m.messageType, m.mediaUrl ?? null, m.replyTo ?? null, m.idempotencyKey ?? null],
    );
    if (message === undefined) throw new Error('insert returned no row');
    // The event carries the row as REST returns it in default mode, names included.
    await recordWebhookEvent(tx, tenantId, 'message.created', convId, (await withSenderNames(tx, tenantId, [message]))[0]);
    return { message, replayed: false };
  });
}
