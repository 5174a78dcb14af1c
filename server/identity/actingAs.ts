import type { Context } from 'hono';
import type { Queryable } from '../db/Db.ts';
import { ApiError } from '../http/ApiError.ts';
import type { TenantEnv } from '../http/tenantAuth.ts';
import { USER_TOKEN_HEADER } from './identityAuth.ts';
import { isVerified } from './verifiedUsers.ts';

/**
 * Checks that the request may act as `claimed` (a body's `sender_id` or `user_id`): with a user token only as its
 * own user (403 otherwise); without one, in `optional` mode, only as a user who has never signed in with a token
 * (401 otherwise). In `off` mode anyone may act as anyone, as the seed has it.
 * @param field - the field's name, for the sentence
 */
export async function actingAs(c: Context<TenantEnv>, db: Queryable, claimed: string, field: string): Promise<void> {
  const { mode, caller } = c.get('identity');
  if (caller !== undefined) {
    if (claimed !== caller.userId) throw new ApiError(403, `user token does not match ${field}`);
    return;
  }
  if (mode !== 'optional') return;
  if (await isVerified(db, c.get('tenant').id, claimed)) throw new ApiError(401, `this user signs in with a user token: send it in ${USER_TOKEN_HEADER}`);
}

/** With a user token, 403 unless the caller is one of the conversation's participants. */
export async function assertParticipant(c: Context<TenantEnv>, db: Queryable, conversationId: string): Promise<void> {
  const caller = c.get('identity').caller;
  if (caller === undefined) return;
  const rows = await db.query('select 1 from conversations where id = $1 and participants @> array[$2::text]', [conversationId, caller.userId]);
  if (rows.length === 0) throw new ApiError(403, 'you are not a participant of this conversation');
}
