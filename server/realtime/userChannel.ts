import type { Db } from '../db/Db.ts';
import type { Broadcaster } from './Broadcaster.ts';

/** Longest channel name a broadcast frame can carry (kind 4 frames hold the topic's length in one byte, with `realtime:`). */
const MAX_TOPIC_BYTES = 246;

/**
 * Tells each participant's own channel `user:<user_id>` (the tenant's, see topicKey) that a conversation of theirs
 * was created or has a new message: `conversation` `{ conversation_id }`, so their open widgets list it within a
 * moment instead of at the next list fetch. Ids only, never text: until signed identity exists anyone with the
 * tenant's anon key may join any user's channel.
 */
export function tellParticipants(realtime: Broadcaster, tenantId: string, conversationId: string, participants: readonly string[]): void {
  for (const user of participants) {
    const topic = `user:${user}`;
    if (Buffer.byteLength(topic) <= MAX_TOPIC_BYTES) realtime.broadcast(topic, 'conversation', { conversation_id: conversationId }, tenantId);
  }
}

/** {@link tellParticipants} for a conversation whose participants are not at hand (a send): one small query, off the request's path. */
export function tellParticipantsOf(db: Db, realtime: Broadcaster, tenantId: string, conversationId: string): void {
  db.query<{ participants: string[] }>('select participants from conversations where id = $1', [conversationId]).then(
    ([row]) => tellParticipants(realtime, tenantId, conversationId, row?.participants ?? []),
    (err: unknown) => console.error('could not tell the participants', err),
  );
}
