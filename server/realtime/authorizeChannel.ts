import type { Db } from '../db/Db.ts';
import type { UserClaims } from '../identity/UserClaims.ts';
import { UserTokenError, verifyUserToken } from '../identity/verifyUserToken.ts';
import type { RealtimeTenantRow } from './realtimeTenant.ts';
import { conversationOf } from './topicKey.ts';

/** May this client use this channel: why not, or who it is (`caller` when it sent a valid user token). */
export type ChannelAccess = { refused: string } | { caller: UserClaims | undefined };

/** Checks channel access for sockets and REST broadcasts alike. */
export type AuthorizeChannel = (tenant: RealtimeTenantRow, channel: string, token: string | undefined) => Promise<ChannelAccess>;

/**
 * A `conv:<id>` channel only for a conversation of that tenant; other channel names are the tenant's own
 * (topicKey), so always. With identity on and the tenant in `optional` or `required` mode, a user token (the join's
 * `access_token`, or a REST broadcast's Bearer) must be valid wherever it is sent, and on `conv:` channels the
 * caller must be a participant; `required` refuses `conv:` channels without one. The anon key sent as the token
 * (supabase-js does without a session) counts as none.
 * @param identity - false in hosted mode: tokens are kept, not verified, as before identity existed
 */
export function authorizeChannel(db: Db, identity = true): AuthorizeChannel {
  return async (tenant, channel, rawToken) => {
    const token = rawToken === undefined || rawToken === '' || rawToken === tenant.anonKey ? undefined : rawToken;
    let caller: UserClaims | undefined;
    const checked = identity && tenant.identityMode !== 'off' && tenant.identitySecret !== null;
    if (checked && token !== undefined) {
      try {
        caller = await verifyUserToken(token, tenant.identitySecret as string);
      } catch (e) {
        if (e instanceof UserTokenError) return { refused: e.message };
        throw e;
      }
    }
    const conversation = conversationOf(channel);
    if (conversation === undefined) return { caller };
    const [row] = await db.query<{ participants: string[] }>('select participants from conversations where id = $1 and tenant_id = $2', [conversation, tenant.id]);
    if (row === undefined) return { refused: 'conversation not found' };
    if (checked && caller === undefined && tenant.identityMode === 'required') return { refused: 'user token required: join with a signed user token as access_token' };
    if (caller !== undefined && !row.participants.includes(caller.userId)) return { refused: 'you are not a participant of this conversation' };
    return { caller };
  };
}
