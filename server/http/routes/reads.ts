import { Hono } from 'hono';
import { extensionsOnFor } from '../../compat/compatContext.ts';
import type { Db } from '../../db/Db.ts';
import { actingAs } from '../../identity/actingAs.ts';
import { ApiError } from '../ApiError.ts';
import type { Broadcaster } from '../../realtime/Broadcaster.ts';
import { readJson } from '../readBody.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { requiredText } from './fields.ts';
import { findConversation } from './findConversation.ts';
import { jsonBodyLimit } from './jsonBody.ts';
import { recordRead } from './recordRead.ts';

/**
 * `POST /conversations/:id/read` `{ user_id, message_id }` (our extension): records that the participant has
 * read up to that message, never backwards. 200 `{ read, unread_count }`; when the position moved it is
 * broadcast on `conv:<id>` as `read` `{ user_id, message_id, message_at, read_at, unread_count }`, so the reader's
 * other devices drop their counts and the other side can show "Seen". An older message changes nothing and is
 * not broadcast (nor sent to webhooks as `conversation.read`). 404 for another tenant's conversation or another conversation's message, 403 for a non-participant
 * (with a user token, also for a `user_id` that is not the token's).
 * Default mode only.
 */
export function readsRoutes(db: Db, realtime: Broadcaster) {
  return new Hono<TenantEnv>().post('/conversations/:id/read', jsonBodyLimit, async (c) => {
    // Ours, not the hosted seed's: hosted mode answers as for any path it does not have.
    if (!extensionsOnFor(c)) throw new ApiError(404, 'not found');
    const body = await readJson(c);
    const userId = requiredText(body, 'user_id');
    await actingAs(c, db, userId, 'user_id');
    const messageId = requiredText(body, 'message_id');
    const tenantId = c.get('tenant').id;
    const convId = await findConversation(db, tenantId, c.req.param('id'));
    const outcome = await recordRead(db, tenantId, convId, userId, messageId);
    if (outcome.moved) realtime.broadcast(`conv:${convId}`, 'read', { ...outcome.read, unread_count: outcome.unread_count });
    return c.json({ read: outcome.read, unread_count: outcome.unread_count });
  });
}
