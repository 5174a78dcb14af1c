import type { Message } from '../transport/types.ts';

/**
 * A sort key for `created_at`: ISO strings compare as text only when their fractions have the same length
 * ("…09.114Z" sorts after "…09.1141Z" as text), so the fraction is padded to microseconds first.
 */
export function timeKey(iso: string): string {
  const match = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/.exec(iso);
  if (match === null) return iso;
  const [, head = iso, fraction = '', zone = ''] = match;
  return `${head}.${fraction.padEnd(6, '0').slice(0, 6)}${zone}`;
}

/** Oldest first; ties (same microsecond) by id so every client shows the same order. */
export function compareMessages(a: Message, b: Message): number {
  const ka = timeKey(a.created_at);
  const kb = timeKey(b.created_at);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Fills fields a partial payload (the seed's send answer, an older server) leaves out. */
export function normalizeMessage(m: Partial<Message> & Pick<Message, 'id' | 'conversation_id' | 'sender_id' | 'created_at'>): Message {
  return {
    body: null,
    message_type: 'text',
    media_url: null,
    reply_to: null,
    edited_at: null,
    deleted_at: null,
    ...m,
  };
}
