/**
 * Our extensions the widget may use, listed in `/v1/config` as `features` in default mode only (hosted mode
 * sends no `features`: absent means the hosted seed's surface). A client uses an extension only when its name is
 * here, so add the name when you add an extension, one line each, and gate the extension on `extensionsOnFor(c)`.
 */
export const FEATURES = [
  // `Idempotency-Key` on sends: a repeat with the same key is the first message (200, `Idempotent-Replayed: true`).
  'idempotency_key',
  // `/v1/config` has `agent: { healthy, checked_at }`.
  'agent_health',
  // Messages carry `receiver_id`; a send's answer is the whole stored row (media_url, reply_to, edited_at, deleted_at).
  'message_fields',
] as const;

/** One advertised extension. */
export type Feature = (typeof FEATURES)[number];
