import { Hono, type Context } from 'hono';
import type { Compat } from '../../compat/Compat.ts';
import { extensionsOnFor } from '../../compat/compatContext.ts';
import { inSeedShape } from '../../compat/seedShape.ts';
import type { Db } from '../../db/Db.ts';
import type { Broadcaster } from '../../realtime/Broadcaster.ts';
import { actingAs, assertParticipant } from '../../identity/actingAs.ts';
import { tellParticipantsOf } from '../../realtime/userChannel.ts';
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
import { withSenderNames } from './withNames.ts';

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
 * edit and delete 200 with `{message}`. Hosted mode ignores `Idempotency-Key` and serves the seed's fields only;
 * default mode adds `sender_name` and `sender_role` to every row, live ones too (see {@link withSenderNames}).
 */
export function messagesRoutes(db: Db, realtime: Broadcaster) {
  const named = async (c: Context<TenantEnv>, rows: MessageRow[]): Promise<MessageRow[]> => (extensionsOnFor(c) ? withSenderNames(db, c.get('tenant').id, rows) : rows);
  const one = async (c: Context<TenantEnv>, row: MessageRow) => (await named(c, [row]))[0] ?? row;
  const announce = (compat: Compat, message: MessageRow) => realtime.broadcast(`conv:${message.conversation_id}`, 'message', { message: inSeedShape(compat, 'message', message) });
  return new Hono<TenantEnv>()
    .get('/conversations/:id/messages', async (c) => {
      const before = parseCursor(c.req.query('before'));
      const limit = parseLimit(c.req.query('limit'));
      const convId = await findConversation(db, c.get('tenant').id, c.req.param('id'));
      await assertParticipant(c, db, convId);
      const newestFirst = await db.query<MessageRow>(
        `select ${MESSAGE_COLUMNS} from messages
         where conversation_id = $1 and deleted_at is null and ($2::timestamptz is null or created_at < $2::timestamptz)
         order by messages.created_at desc limit $3`,
        [convId, before ?? null, limit],
      );
      return c.json({ messages: (await named(c, newestFirst.reverse())).map((m) => inSeedShape(c.get('compat'), 'message', m)) });
    })
    .post('/conversations/:id/messages', jsonBodyLimit, async (c) => {
      const key = extensionsOnFor(c) ? idempotencyKey(c.req.header('idempotency-key')) : undefined;
      const input = readNewMessage(await readJson(c), key);
      await actingAs(c, db, input.senderId, 'sender_id');
      if (c.get('identity').caller !== undefined) await assertParticipant(c, db, await findConversation(db, c.get('tenant').id, c.req.param('id')));
      const sent = await sendMessage(db, c.get('tenant').id, c.req.param('id'), input);
      const { replayed } = sent;
      const message = await one(c, sent.message);
      if (replayed) {
        c.header('idempotent-replayed', 'true');
        return c.json({ message }, 200);
      }
      announce(c.get('compat'), message);
      // Default mode: the conversation's id also goes to each participant's own channel (`user:<id>`).
      if (extensionsOnFor(c)) tellParticipantsOf(db, realtime, c.get('tenant').id, message.conversation_id);
      return c.json({ message: inSeedShape(c.get('compat'), 'sentMessage', message) }, 201);
    })
    .patch('/conversations/:id/messages/:msgId', jsonBodyLimit, async (c) => {
      const body = await readJson(c);
      const senderId = requiredText(body, 'sender_id');
      const text = requiredText(body, 'body', { max: MAX_BODY });
      await actingAs(c, db, senderId, 'sender_id');
      const edited = await changeMessage(db, c.get('tenant').id, c.req.param('id'), c.req.param('msgId'), senderId, { kind: 'edit', body: text });
      const message = await one(c, edited.message);
      announce(c.get('compat'), message);
      return c.json({ message: inSeedShape(c.get('compat'), 'message', message) });
    })
    .delete('/conversations/:id/messages/:msgId', jsonBodyLimit, async (c) => {
      const body = await readJson(c);
      // Some HTTP clients cannot send a DELETE body; ?sender_id= is accepted as well (ours: not in hosted mode).
      const fromQuery = body.sender_id === undefined && extensionsOnFor(c);
      const senderId = requiredText(fromQuery ? { sender_id: c.req.query('sender_id') } : body, 'sender_id');
      await actingAs(c, db, senderId, 'sender_id');
      const removed = await changeMessage(db, c.get('tenant').id, c.req.param('id'), c.req.param('msgId'), senderId, { kind: 'delete' });
      const { changed } = removed;
      const message = await one(c, removed.message);
      if (changed) announce(c.get('compat'), message);
      return c.json({ message: inSeedShape(c.get('compat'), 'message', message) });
    });
}
