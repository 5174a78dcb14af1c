/** Every JSON field the REST endpoints read, for tests that throw wrong values at each. */
export const REST_BODY_FIELDS = [
  'user_id',
  'name',
  'email',
  'role',
  'fcm_tokens',
  'notification_prefs',
  'kind',
  'external_ref',
  'participants',
  'sender_id',
  'body',
  'message_type',
  'media_url',
  'reply_to',
  'receiver_id',
  'sender_name',
] as const;
