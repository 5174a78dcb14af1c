import type { Compat } from './Compat.ts';

/** The fields the hosted seed documents for each response object; hosted mode serves these and nothing more. */
const SEED_FIELDS = {
  /** A message in history (and, as the nearest documented shape, in edit/delete answers and realtime payloads). */
  message: ['id', 'conversation_id', 'sender_id', 'body', 'message_type', 'media_url', 'reply_to', 'created_at', 'edited_at', 'deleted_at'],
  /** The answer to a send: the seed shows fewer fields than history has. */
  sentMessage: ['id', 'conversation_id', 'sender_id', 'body', 'message_type', 'created_at'],
  /** A conversation in the list. */
  listedConversation: ['id', 'tenant_id', 'kind', 'external_ref', 'participants', 'last_message', 'last_at'],
  /** The answer to get-or-create. */
  conversation: ['id', 'tenant_id', 'kind', 'external_ref', 'participants', 'last_at'],
} as const;

/** Which documented object a row is served as. */
export type SeedShape = keyof typeof SEED_FIELDS;

/**
 * A row as this mode serves it: unchanged in default mode, cut to the seed's fields in hosted mode (so a client
 * that reads an extension field sees it missing here, before it meets the hosted API).
 */
export function inSeedShape<T extends object>(compat: Compat, shape: SeedShape, row: T): T {
  if (compat !== 'hosted') return row;
  const out: Record<string, unknown> = {};
  for (const field of SEED_FIELDS[shape]) if (field in row) out[field] = (row as Record<string, unknown>)[field];
  // The cut row is typed as the full one on purpose: callers pass it straight to c.json.
  return out as T;
}
