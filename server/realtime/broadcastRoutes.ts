import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Db } from '../db/Db.ts';
import { ApiError } from '../http/ApiError.ts';
import { readJson } from '../http/readBody.ts';
import type { AuthorizeChannel } from './authorizeChannel.ts';
import { clientEventRule } from './clientEventRule.ts';
import type { Broadcast } from './Frame.ts';
import type { RealtimeHub } from './RealtimeHub.ts';
import type { RealtimeSettings } from './RealtimeSettings.ts';
import { realtimeTenant, type RealtimeTenantRow } from './realtimeTenant.ts';
import { serverOnly } from './serverOnly.ts';
import { topicKey } from './topicKey.ts';

/** Most messages in one `/api/broadcast` call. */
const MAX_MESSAGES = 100;

/**
 * Realtime's REST side, used by realtime-js whenever it cannot push over the socket:
 * - `POST /api/broadcast` `{messages: [{topic, event, payload, private?}]}` (topic without `realtime:`), 202;
 * - `POST /api/broadcast/:topic/events/:event` with the payload as the body (`httpSend`; the client needs 202).
 * Same rules as a socket push; a batch is checked whole before any of it is sent. Payloads are JSON objects (or
 * raw bytes). Errors are the API's `{error}` (ApiError, answered by createApp). A user token comes as
 * `Authorization: Bearer <token>`, as realtime-js sends it; it is checked as a join's `access_token` is.
 */
export function broadcastRoutes(db: Db, hub: RealtimeHub, settings: Pick<RealtimeSettings, 'maxPayloadBytes' | 'maxTypingBytes'>, authorize: AuthorizeChannel) {
  const { maxPayloadBytes } = settings;
  const app = new Hono();
  app.use('*', cors({ origin: '*', allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['apikey', 'authorization', 'content-type', 'x-client-info'] }));
  app.use('*', bodyLimit({ maxSize: maxPayloadBytes * 4, onError: (c) => c.json({ error: 'request body too large' }, 413, { connection: 'close' }) }));

  /** Checks one message and returns it ready to publish. */
  const prepare = async (tenant: RealtimeTenantRow, token: string | undefined, topic: unknown, event: unknown, body: string | Uint8Array): Promise<Broadcast> => {
    if (typeof topic !== 'string' || topic === '' || Buffer.byteLength(topic) > 246) throw new ApiError(400, 'topic must be 1 to 246 bytes');
    if (typeof event !== 'string' || event === '' || Buffer.byteLength(event) > 255) throw new ApiError(400, 'event must be 1 to 255 bytes');
    if (body.length > maxPayloadBytes) throw new ApiError(400, `payload is over ${maxPayloadBytes} bytes`);
    const key = topicKey(tenant.id, topic);
    const serverEvent = serverOnly(topic, event);
    if (serverEvent !== undefined) throw new ApiError(403, serverEvent);
    const rule = clientEventRule(key, event, body, settings.maxTypingBytes);
    if (rule !== undefined) throw new ApiError(rule.startsWith('typing') ? 413 : 403, rule);
    const access = await authorize(tenant, topic, token);
    if ('refused' in access) throw new ApiError(accessStatus(access.refused), access.refused);
    return { key, topic, event, body };
  };

  app.post('/api/broadcast', async (c) => {
    const tenant = await tenantOf(db, c);
    const token = bearer(c);
    const { messages } = await readJson(c);
    if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES) throw new ApiError(400, `messages must be an array of 1 to ${MAX_MESSAGES}`);
    const ready: Broadcast[] = [];
    for (const m of messages as unknown[]) {
      const { topic, event, payload } = (m ?? {}) as Record<string, unknown>;
      ready.push(await prepare(tenant, token, topic, event, JSON.stringify(payload ?? {})));
    }
    for (const b of ready) hub.publish(b);
    return c.json({ message: 'Broadcasts sent' }, 202);
  });

  app.post('/api/broadcast/:topic/events/:event', async (c) => {
    const tenant = await tenantOf(db, c);
    const binary = (c.req.header('content-type') ?? '').startsWith('application/octet-stream');
    const body = binary ? new Uint8Array(await c.req.arrayBuffer()) : JSON.stringify(await readJson(c));
    hub.publish(await prepare(tenant, bearer(c), c.req.param('topic'), c.req.param('event'), body));
    return c.body(null, 202);
  });

  return app;
}

/** The tenant of the `apikey` header (or query parameter, as the client also puts it in the URL). */
async function tenantOf(db: Db, c: Context): Promise<RealtimeTenantRow> {
  const tenant = await realtimeTenant(db, c.req.header('apikey') ?? c.req.query('apikey'));
  if ('refused' in tenant) throw new ApiError(401, tenant.refused);
  return tenant;
}

/** The `Authorization: Bearer` token, if any (realtime-js sends the anon key there when it has no user token). */
function bearer(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

/** A refused channel's status: 404 for a conversation that is not there, 401 for a token, 403 for the rest. */
function accessStatus(reason: string): 401 | 403 | 404 {
  if (reason === 'conversation not found') return 404;
  return /user token/.test(reason) ? 401 : 403;
}
