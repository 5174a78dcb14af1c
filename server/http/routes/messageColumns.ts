import { isoSql } from './sqlTime.ts';

/** A message as the API serves it (the seed's shape plus receiver_id). */
export interface MessageRow {
  id: string;
  conversation_id: string;
  sender_id: string;
  receiver_id: string | null;
  body: string | null;
  message_type: 'text' | 'image';
  media_url: string | null;
  reply_to: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

/**
 * The select list that yields a MessageRow from `messages` (or a CTE of its rows). A soft-deleted message
 * keeps its text in the table for moderation, but body and media_url are never served again.
 */
export const MESSAGE_COLUMNS = `id, conversation_id, sender_id, receiver_id,
  case when deleted_at is null then body end as body, message_type,
  case when deleted_at is null then media_url end as media_url, reply_to,
  ${isoSql('created_at')} as created_at, ${isoSql('edited_at')} as edited_at, ${isoSql('deleted_at')} as deleted_at`;

/** SQL: the conversation list's one-line preview of a message row. */
export const PREVIEW_SQL = `case when message_type = 'image' then coalesce(nullif(left(body, 280), ''), '[image]') else left(body, 280) end`;
