import { Hono } from 'hono';
import type { Compat } from '../../compat/Compat.ts';
import { extensionsOnFor } from '../../compat/compatContext.ts';
import { inSeedShape } from '../../compat/seedShape.ts';
import type { Db } from '../../db/Db.ts';
import type { Broadcaster } from '../../realtime/Broadcaster.ts';
import { ApiError } from '../ApiError.ts';
import { readJson } from '../readBody.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { changeMessage } from './changeMessage.ts';
import { MAX_BODY, MAX_ID, optionalChoice, optionalText, requiredText } from './fields.ts';
import { findConversation } from './findConversation.ts';
import { jsonBodyLimit } from './jsonBody.ts';
import { MESSAGE_COLUMNS, type MessageRow } from './messageColumns.ts';
import { parseCursor, parseLimit } from './parseCursor.ts';
import { sendMessage, type NewMessage } from './sendMessage.ts';

function mediaUrl(body: Record<string, unknown>, type: 'text' | 'image'): string | undefined {
  const raw = optionalText(body, 'media_url', { max: 2048, emptyIsAbsent: true });
  if (raw === undefined) {
    if (type === 'image') throw new ApiError(400, 'media_url is required');
    return undefined;
  }
  // The widget puts it in <img src>; only web URLs, never javascript: or data:.
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ApiError(400, 'media_url must be an http(s) URL');
  }
  return raw;
}

function readNewMessage(body: Record<string, unknown>, idempotencyKey: string | undefined): NewMessage {
  const senderId = requiredText(body, 'sender_id');
  const messageType = optionalChoice(body, 'message_type', ['text', 'image'] as const) ?? 'text';
  const text = messageType === 'text' ? requiredText(body, 'body', { max: MAX_BODY }) : optionalText(body, 'body', { max: MAX_BODY });
  return {
    senderId,
    receiverId: optionalText(body, 'receiver_id', { emptyIsAbsent: true }),
    body: text,
    messageType,
    mediaUrl: mediaUrl(body, messageType),
    replyTo: optionalText(body, 'reply_to', { emptyIsAbsent: true }),
    idempotencyKey,
  };
}

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (header.length > MAX_ID) throw new ApiError(400, `Idempotency-Key must be at most ${MAX_ID} characters`);
  return header;
}

/**
 * History, send, edit and soft-delete of a conversation's messages; every change is broadcast on
 * `conv:<id>` as `message` with the full row.
 * Status codes: history 200; send 201 (200 with `Idempotent-Replayed: true` for a retried Idempotency-Key);
 * edit and delete 200 with `{message}`. Hosted mode ignores `Idempotency-Key` and serves the seed's fields only.
 */
export function messagesRoutes(db: Db, realtime: Broadcaster) {
  const announce = (compat: Compat, message: MessageRow) =>
    realtime.broadcast(`conv:${message.conversation_id}`, 'message', { message: inSeedShape(compat, 'message', message) });
  return new Hono<TenantEnv>()
    .get('/conversations/:id/messages', async (c) => {
      const before = parseCursor(c.req.query('before'));
      const limit = parseLimit(c.req.query('limit'));
      const convId = await findConversation(db, c.get('tenant').id, c.req.param('id'));
      const newestFirst = await db.query<MessageRow>(
        `select ${MESSAGE_COLUMNS} from messages
         where conversation_id = $1 and deleted_at is null and ($2::timestamptz is null or created_at < $2::timestamptz)
         order by messages.created_at desc limit $3`,
        [convId, before ?? null, limit],
      );
      return c.json({ messages: newestFirst.reverse().map((m) => inSeedShape(c.get('compat'), 'message', m)) });
    })
    .post('/conversations/:id/messages', jsonBodyLimit, async (c) => {
      const key = extensionsOnFor(c) ? idempotencyKey(c.req.header('idempotency-key')) : undefined;
      const input = readNewMessage(await readJson(c), key);
      const { message, replayed } = await sendMessage(db, c.get('tenant').id, c.req.param('id'), input);
      if (replayed) {
        c.header('idempotent-replayed', 'true');
        return c.json({ message }, 200);
      }
      announce(c.get('compat'), message);
      return c.json({ message: inSeedShape(c.get('compat'), 'sentMessage', message) }, 201);
    })
    .patch('/conversations/:id/messages/:msgId', jsonBodyLimit, async (c) => {
      const body = await readJson(c);
      const senderId = requiredText(body, 'sender_id');
      const text = requiredText(body, 'body', { max: MAX_BODY });
      const { message } = await changeMessage(db, c.get('tenant').id, c.req.param('id'), c.req.param('msgId'), senderId, { kind: 'edit', body: text });
      announce(c.get('compat'), message);
      return c.json({ message: inSeedShape(c.get('compat'), 'message', message) });
    })
    .delete('/conversations/:id/messages/:msgId', jsonBodyLimit, async (c) => {
      const body = await readJson(c);
      // Some HTTP clients cannot send a DELETE body; ?sender_id= is accepted as well (ours: not in hosted mode).
      const fromQuery = body.sender_id === undefined && extensionsOnFor(c);
      const senderId = requiredText(fromQuery ? { sender_id: c.req.query('sender_id') } : body, 'sender_id');
      const { message, changed } = await changeMessage(db, c.get('tenant').id, c.req.param('id'), c.req.param('msgId'), senderId, { kind: 'delete' });
      if (changed) announce(c.get('compat'), message);
      return c.json({ message: inSeedShape(c.get('compat'), 'message', message) });
    });
}
