/**
 * What `/v1/config` advertises in `features` for read state: `read_state` (`POST /conversations/:id/read`,
 * `unread_count` and `reads` on list rows, `read` broadcasts) and `user_channel` (`conversation` events on
 * `user:<user_id>`). The widget uses each only when it is listed.
 */
export const READ_FEATURES = ['read_state', 'user_channel'] as const;
