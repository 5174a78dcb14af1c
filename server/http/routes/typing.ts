import { Hono } from 'hono';
import type { Db } from '../../db/Db.ts';
import type { Broadcaster } from '../../realtime/Broadcaster.ts';
import { readJson } from '../readBody.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { optionalText, requiredText } from './fields.ts';
import { findConversation } from './findConversation.ts';
import { jsonBodyLimit } from './jsonBody.ts';
import { userName } from './withNames.ts';
import { extensionsOnFor } from '../../compat/compatContext.ts';

/**
 * `POST /conversations/:id/typing`: broadcasts `typing` `{ senderId, senderName }` on `conv:<id>`; nothing is
 * stored. 202 `{ "ok": true }`: accepted and passed on, with no promise anyone is listening.
 * Default mode: an event without `sender_name` carries the name the users table holds, so the typing line names
 * the person the way their messages do.
 */
export function typingRoutes(db: Db, realtime: Broadcaster) {
  return new Hono<TenantEnv>().post('/conversations/:id/typing', jsonBodyLimit, async (c) => {
    const body = await readJson(c);
    const senderId = requiredText(body, 'sender_id');
    const given = optionalText(body, 'sender_name', { emptyIsAbsent: true }) ?? null;
    const convId = await findConversation(db, c.get('tenant').id, c.req.param('id'));
    const senderName = given ?? (extensionsOnFor(c) ? await userName(db, c.get('tenant').id, senderId) : null);
    realtime.broadcast(`conv:${convId}`, 'typing', { senderId, senderName });
    return c.json({ ok: true }, 202);
  });
}
