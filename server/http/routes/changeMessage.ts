import type { Db } from '../../db/Db.ts';
import { recordWebhookEvent } from '../../webhooks/recordWebhookEvent.ts';
import { withSenderNames } from './withNames.ts';
import { ApiError } from '../ApiError.ts';
import { pathId } from './fields.ts';
import { findConversation } from './findConversation.ts';
import { MESSAGE_COLUMNS, PREVIEW_SQL, type MessageRow } from './messageColumns.ts';

/** What to do to a message: a new body, or a soft delete. */
export type MessageChange = { kind: 'edit'; body: string } | { kind: 'delete' };

/**
 * Edits or soft-deletes a message, only for its original sender (403 otherwise), and refreshes the
 * conversation's preview. A message already deleted is 404 for an edit; deleting it again returns it
 * unchanged with `changed: false`, so a retried delete is not an error.
 */
export async function changeMessage(
  db: Db,
  tenantId: string,
  conversationId: string | undefined,
  rawMessageId: string | undefined,
  senderId: string,
  change: MessageChange,
): Promise<{ message: MessageRow; changed: boolean }> {
  return db.transaction(async (tx) => {
    const convId = await findConversation(tx, tenantId, conversationId, true);
    const messageId = pathId(rawMessageId, 'message not found');
    const [current] = await tx.query<{ sender_id: string; deleted: boolean }>(
      'select sender_id, deleted_at is not null as deleted from messages where id = $1 and conversation_id = $2',
      [messageId, convId],
    );
    if (current === undefined || (current.deleted && change.kind === 'edit')) throw new ApiError(404, 'message not found');
    if (current.sender_id !== senderId) {
      throw new ApiError(403, `only the sender can ${change.kind === 'edit' ? 'edit' : 'delete'} this message`);
    }
    if (current.deleted) {
      const [same] = await tx.query<MessageRow>(`select ${MESSAGE_COLUMNS} from messages where id = $1`, [messageId]);
      return { message: same as MessageRow, changed: false };
    }
    const set = change.kind === 'edit' ? 'body = $2, edited_at = clock_timestamp()' : 'deleted_at = clock_timestamp()';
    const params = change.kind === 'edit' ? [messageId, change.body] : [messageId];
    const [message] = await tx.query<MessageRow>(`update messages set ${set} where id = $1 returning ${MESSAGE_COLUMNS}`, params);
    await tx.query(
      `update conversations set last_message = (
         select ${PREVIEW_SQL} from messages where conversation_id = $1 and deleted_at is null order by created_at desc limit 1)
       where id = $1`,
      [convId],
    );
    const named = message === undefined ? undefined : (await withSenderNames(tx, tenantId, [message]))[0];
    await recordWebhookEvent(tx, tenantId, change.kind === 'edit' ? 'message.updated' : 'message.deleted', convId, named);
    return { message: message as MessageRow, changed: true };
  });
}
