import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../server/webhooks/isPrivateAddress.ts';
import { retryDelay } from '../../server/webhooks/retryDelay.ts';
import { serverKeyHash } from '../../server/webhooks/serverKeyAuth.ts';
import { startWebhooks } from '../../server/webhooks/startWebhooks.ts';
import { waitFor } from '../realtime/helpers/waitFor.ts';
import { startTestServer, OTHER_KEY } from './helpers/testServer.ts';
import { startReceiver, type Answer, type Received } from './helpers/webhookReceiver.ts';

// The example secret of the Standard Webhooks specification (24 bytes).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const OTHER_TENANT = '66666666-7777-8888-9999-000000000000';
const DEMO_TENANT = '11111111-2222-3333-4444-555555555555';
const FAST = { backoffMs: 50, maxBackoffMs: 200, allowPrivate: true };

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let respond: (r: Received, i: number) => Answer = () => ({});
let receiver: Receiver;
let server: Server;
beforeAll(async () => {
  receiver = await startReceiver((r, i) => respond(r, i));
  server = await startTestServer({ webhooks: { ...FAST, url: receiver.url, secret: SECRET } });
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

const conversation = async (s: Server = server, key?: string) =>
  (await s.api('/v1/conversations', { method: 'POST', key, json: { kind: 'support', participants: ['u_42', 'agent_7'] } })).body.conversation as { id: string };
const send = async (conv: string, body: string, s: Server = server, key?: string) =>
  (await s.api(`/v1/conversations/${conv}/messages`, { method: 'POST', key, json: { sender_id: 'u_42', body } })).body.message as { id: string };
const settled = (s: Server = server) => waitFor(async () => (await s.db.query(`select 1 from webhook_deliveries where status = 'pending'`)).length === 0, 'every delivery settled');
const forConversation = (r: Receiver, conv: string) =>
  r.received.filter((x) => x.json.data.conversation_id === conv || (x.json.type === 'conversation.created' && x.json.data.id === conv));
const attempts = (deliveryId: string, s: Server = server) =>
  s.db.query<{ status_code: number | null; error: string | null; response_body: string }>(
    'select status_code, error, response_body from webhook_attempts where delivery_id = $1 order by id',
    [deliveryId],
  );
const deliveries = (init: RequestInit & { key?: string | null } = {}, path = '') => server.api(`/v1/webhooks/deliveries${path}`, { key: null, ...init });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('outbound webhooks', () => {
  it('sends every change as a Standard Webhooks event the library verifies, with the row as REST returns it', async () => {
    const conv = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'order', external_ref: 'order_hook', participants: ['u_42', 'driver_3'] } });
    const id = conv.body.conversation.id as string;
    const sent = await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'Where is my parcel? 🚚' } });
    const mid = sent.body.message.id as string;
    const edited = await server.api(`/v1/conversations/${id}/messages/${mid}`, { method: 'PATCH', json: { sender_id: 'u_42', body: 'Where is it now?' } });
    const deleted = await server.api(`/v1/conversations/${id}/messages/${mid}`, { method: 'DELETE', json: { sender_id: 'u_42' } });
    // Neither a second get-or-create nor a repeated delete is a change.
    await server.api('/v1/conversations', { method: 'POST', json: { kind: 'order', external_ref: 'order_hook', participants: ['u_42'] } });
    await server.api(`/v1/conversations/${id}/messages/${mid}`, { method: 'DELETE', json: { sender_id: 'u_42' } });
    await waitFor(() => forConversation(receiver, id).length === 4, 'four events');
    await settled();
    const got = forConversation(receiver, id);
    expect(got).toHaveLength(4);

    const hook = new Webhook(SECRET);
    const verified = got.map((r) => hook.verify(r.body, r.headers as Record<string, string>));
    expect(verified).toEqual(got.map((r) => r.json));
    expect(got.map((r) => r.json.type)).toEqual(['conversation.created', 'message.created', 'message.updated', 'message.deleted']);
    expect(got.map((r) => r.json.data)).toEqual([conv.body.conversation, sent.body.message, edited.body.message, deleted.body.message]);
    for (const r of got) {
      expect(Object.keys(r.json)).toEqual(['type', 'timestamp', 'data']);
      expect(new Date(r.json.timestamp).toISOString()).toBe(r.json.timestamp);
      expect(r.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(r.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(4);
    const first = got[0] as Received;
    expect(() => new Webhook(OTHER_SECRET).verify(first.body, first.headers as Record<string, string>)).toThrow(WebhookVerificationError);
    expect(() => hook.verify(first.body.replace('order_hook', 'order_evil'), first.headers as Record<string, string>)).toThrow(WebhookVerificationError);
  });

  it('sends a read position that moved forward as conversation.read, with what the read broadcast carries, and not one that did not', async () => {
    const { id } = await conversation();
    const first = await send(id, 'First');
    const second = await send(id, 'Second');
    const read = await server.api(`/v1/conversations/${id}/read`, { method: 'POST', json: { user_id: 'agent_7', message_id: second.id } });
    expect(read.status).toBe(200);
    // Backwards and the same again move nothing: no event.
    await server.api(`/v1/conversations/${id}/read`, { method: 'POST', json: { user_id: 'agent_7', message_id: first.id } });
    await server.api(`/v1/conversations/${id}/read`, { method: 'POST', json: { user_id: 'agent_7', message_id: second.id } });
    await waitFor(() => forConversation(receiver, id).some((r) => r.json.type === 'conversation.read'), 'a read event');
    await settled();
    const reads = forConversation(receiver, id).filter((r) => r.json.type === 'conversation.read');
    expect(reads).toHaveLength(1);
    const event = reads[0] as Received;
    expect(new Webhook(SECRET).verify(event.body, event.headers as Record<string, string>)).toEqual(event.json);
    expect(event.json.data).toEqual({ conversation_id: id, ...read.body.read, unread_count: read.body.unread_count });
    expect(event.json.data).toMatchObject({ user_id: 'agent_7', message_id: second.id, unread_count: 0 });
    // In order within the conversation: after the messages it reads.
    expect(forConversation(receiver, id).map((r) => r.json.type)).toEqual(['conversation.created', 'message.created', 'message.created', 'conversation.read']);
  });

  it('gives each endpoint its own secret and event filter, and keeps tenants apart', async () => {
    const onlyCreated = await startReceiver();
    const otherTenant = await startReceiver();
    try {
      await server.db.query(`insert into webhooks (id, tenant_id, url, secret, events) values ('wh_created', $1, $2, $3, '{message.created}')`, [
        DEMO_TENANT,
        onlyCreated.url,
        OTHER_SECRET,
      ]);
      await server.db.query(`insert into webhooks (id, tenant_id, url, secret) values ('wh_other', $1, $2, $3)`, [OTHER_TENANT, otherTenant.url, OTHER_SECRET]);
      const conv = await conversation();
      const m = await send(conv.id, 'filtered');
      await server.api(`/v1/conversations/${conv.id}/messages/${m.id}`, { method: 'PATCH', json: { sender_id: 'u_42', body: 'edited' } });
      const theirs = await conversation(server, OTHER_KEY);
      await send(theirs.id, 'other tenant', server, OTHER_KEY);
      await waitFor(() => otherTenant.received.length === 2, "the other tenant's two events");
      await settled();
      expect(onlyCreated.received.map((r) => [r.json.type, r.json.data.id])).toEqual([['message.created', m.id]]);
      const own = onlyCreated.received[0] as Received;
      expect(new Webhook(OTHER_SECRET).verify(own.body, own.headers as Record<string, string>)).toMatchObject({ type: 'message.created' });
      // The same event reaches two endpoints as two deliveries, each with its own webhook-id.
      const main = forConversation(receiver, conv.id).find((r) => r.json.type === 'message.created');
      expect(main?.body).toBe(own.body);
      expect(main?.headers['webhook-id']).not.toBe(own.headers['webhook-id']);
      expect(otherTenant.received.map((r) => r.json.type)).toEqual(['conversation.created', 'message.created']);
      expect(forConversation(receiver, theirs.id)).toEqual([]);
    } finally {
      await server.db.query(`update webhooks set status = 'disabled' where id in ('wh_created', 'wh_other')`);
      await onlyCreated.close();
      await otherTenant.close();
    }
  });

  it('retries what is not a 2xx with the same webhook-id, follows no redirect, keeps 1 KB of an answer', async () => {
    const elsewhere = await startReceiver();
    try {
      const conv = await conversation();
      const tries: Answer[] = [
        { status: 302, headers: { location: elsewhere.url } },
        { status: 500, body: 'é'.repeat(3000) },
        { status: 429, body: 'slow down' },
        { status: 200, body: 'ok' },
      ];
      respond = (r) => (r.json.data.conversation_id === conv.id ? (tries.shift() ?? {}) : {});
      await send(conv.id, 'keep trying');
      await waitFor(() => forConversation(receiver, conv.id).length === 5, 'the event four times (and the conversation once)');
      await settled();
      const got = forConversation(receiver, conv.id).filter((r) => r.json.type === 'message.created');
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
      expect(new Set(got.map((r) => r.body)).size).toBe(1);
      expect(elsewhere.received).toEqual([]);
      const tried = await attempts(String(got[0]?.headers['webhook-id']));
      expect(tried.map((a) => a.status_code)).toEqual([302, 500, 429, 200]);
      expect(Buffer.byteLength(tried[1]?.response_body ?? '')).toBeLessThanOrEqual(1024);
      expect(tried[1]?.response_body).toBe('é'.repeat(512));
      expect(tried.map((a) => a.response_body).slice(2)).toEqual(['slow down', 'ok']);
    } finally {
      respond = () => ({});
      await elsewhere.close();
    }
  });

  it('sends again on a new connection when a kept-alive one was closed under it, without counting a failed try', async () => {
    // A receiver that answers the first request of its first connection, then resets that connection on the next.
    const ids: string[] = [];
    let connections = 0;
    const sockets = new Set<Socket>();
    const tcp = createNetServer((socket) => {
      sockets.add(socket);
      const n = ++connections;
      let buffered = '';
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const head = buffered.indexOf('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(buffered)?.[1] ?? -1);
        if (head < 0 || Buffer.byteLength(buffered.slice(head + 4)) < length) return;
        ids.push(/webhook-id: (\S+)/i.exec(buffered)?.[1] ?? '');
        buffered = '';
        if (n === 1 && ids.length > 1) socket.resetAndDestroy();
        else socket.write('HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    try {
      await server.db.query(`insert into webhooks (id, tenant_id, url, secret) values ('wh_reset', $1, $2, $3)`, [
        DEMO_TENANT,
        `http://127.0.0.1:${(tcp.address() as AddressInfo).port}/hook`,
        SECRET,
      ]);
      const conv = await conversation();
      await waitFor(() => ids.length === 1, 'the first event');
      await settled();
      await send(conv.id, 'on a reused connection');
      await waitFor(() => ids.length === 3, 'the second event, twice').catch(async (e) => {
        console.log(
          'DEBUG',
          ids,
          connections,
          JSON.stringify(
            await server.db.query(`select a.status_code, a.error from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.webhook_id = 'wh_reset'`),
          ),
        );
        throw e;
      });
      await settled();
      expect(ids[1]).toBe(ids[2]);
      expect(connections).toBe(2);
      const tried = await server.db.query<{ status_code: number }>(
        `select a.status_code from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.webhook_id = 'wh_reset' order by a.id`,
      );
      expect(tried).toEqual([{ status_code: 204 }, { status_code: 204 }]);
    } finally {
      await server.db.query(`update webhooks set status = 'disabled' where id = 'wh_reset'`);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
  });

  it('disables an endpoint that answers 410 and sends it nothing more', async () => {
    const gone = await startReceiver(() => ({ status: 410 }));
    try {
      await server.db.query(`insert into webhooks (id, tenant_id, url, secret) values ('wh_gone', $1, $2, $3)`, [DEMO_TENANT, gone.url, OTHER_SECRET]);
      const conv = await conversation();
      await waitFor(() => gone.received.length === 1, 'the first event');
      await settled();
      const [endpoint] = await server.db.query<{ status: string }>(`select status from webhooks where id = 'wh_gone'`);
      expect(endpoint?.status).toBe('disabled');
      await send(conv.id, 'after 410');
      await waitFor(() => forConversation(receiver, conv.id).length === 2, 'the main endpoint still gets events');
      await settled();
      expect(gone.received).toHaveLength(1);
    } finally {
      await gone.close();
    }
  });

  it('shows deliveries only to a secret server key, and retries one by hand', async () => {
    expect(await deliveries()).toMatchObject({ status: 401, body: { error: expect.stringContaining('Authorization: Bearer') } });
    for (const init of [{ key: 'pk_test_demo' }, { headers: bearer('pk_test_demo') }]) {
      const res = await deliveries(init);
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/publishable key cannot read webhooks.*tiny_server_sk_/);
    }
    for (const key of ['tiny_server_sk_wrong', 'tiny_sk_demo', 'sk_live_x']) {
      expect(await deliveries({ headers: bearer(key) })).toMatchObject({ status: 401, body: { error: 'invalid server key' } });
    }

    const conv = await conversation();
    const m = await send(conv.id, 'look me up');
    await waitFor(() => forConversation(receiver, conv.id).length === 2, 'both events');
    await settled();
    const list = await deliveries({ headers: bearer('tiny_server_sk_demo') });
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
    const mine = forConversation(receiver, conv.id).find((r) => r.json.type === 'message.created') as Received;
    const id = String(mine.headers['webhook-id']);
    expect(list.body.deliveries[0]).toEqual({
      id,
      event_id: expect.stringMatching(/^evt_/),
      event_type: 'message.created',
      endpoint: { id: 'wh_env', url: receiver.url, status: 'active' },
      status: 'succeeded',
      attempts: 1,
      next_attempt_at: null,
      last_status_code: 204,
      last_error: null,
      created_at: expect.any(String),
      finished_at: expect.any(String),
    });
    const page = await deliveries({ headers: bearer('tiny_server_sk_demo') }, `?limit=1&before=${id}`);
    expect(page.body.deliveries.map((d: { event_type: string }) => d.event_type)).toEqual(['conversation.created']);
    expect((await deliveries({ headers: bearer('tiny_server_sk_demo') }, '?status=sideways')).status).toBe(400);
    expect((await deliveries({ headers: bearer('tiny_server_sk_demo') }, '?limit=500')).status).toBe(400);

    const one = await deliveries({ headers: bearer('tiny_server_sk_demo') }, `/${id}`);
    expect(one.body.delivery.payload).toEqual({ type: 'message.created', timestamp: expect.any(String), data: m });
    expect(one.body.attempts).toEqual([
      { attempted_at: expect.any(String), duration_ms: expect.any(Number), status_code: 204, error: null, response_body: '', worker: expect.any(String) },
    ]);

    // Another tenant's server key sees none of these and cannot retry them.
    await server.db.query('insert into server_keys (key_hash, tenant_id) values ($1, $2) on conflict do nothing', [serverKeyHash('tiny_server_sk_other'), OTHER_TENANT]);
    expect((await deliveries({ headers: bearer('tiny_server_sk_other') })).body.deliveries.some((d: { id: string }) => d.id === id)).toBe(false);
    expect((await deliveries({ headers: bearer('tiny_server_sk_other') }, `/${id}`)).status).toBe(404);
    expect((await deliveries({ method: 'POST', headers: bearer('tiny_server_sk_other') }, `/${id}/retry`)).status).toBe(404);

    const before = receiver.received.length;
    const retried = await deliveries({ method: 'POST', headers: bearer('tiny_server_sk_demo') }, `/${id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.delivery).toMatchObject({ id, status: 'pending' });
    await waitFor(() => receiver.received.length === before + 1, 'the retried delivery');
    await settled();
    const again = receiver.received.at(-1) as Received;
    expect(again.headers['webhook-id']).toBe(id);
    expect(again.body).toBe(mine.body);
    expect((await deliveries({ headers: bearer('tiny_server_sk_demo') }, `/${id}`)).body.delivery).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('marks a failing endpoint active again when a delivery succeeds', async () => {
    await server.db.query(`update webhooks set status = 'failing' where id = 'wh_env'`);
    const conv = await conversation();
    await waitFor(() => forConversation(receiver, conv.id).length === 1, 'the event');
    await settled();
    expect((await server.db.query(`select status from webhooks where id = 'wh_env'`))[0]).toEqual({ status: 'active' });
  });
});

describe('bad webhook configuration', () => {
  it('refuses a URL that is not http(s), a private address unless allowed, a missing or malformed secret', async () => {
    // What createServer runs before it listens: a bad endpoint stops the server from starting.
    const configure = (webhooks: Record<string, unknown>) => startWebhooks(server.db, DEMO_TENANT, { ...FAST, secret: SECRET, ...webhooks });
    await expect(configure({ url: 'ftp://example.com/hook' })).rejects.toThrow('TINYCHAT_WEBHOOK_URL must be an http(s) URL, not ftp:');
    await expect(configure({ url: 'not a url' })).rejects.toThrow(/is not a URL/);
    await expect(configure({ url: 'http://127.0.0.1:9/hook', allowPrivate: false })).rejects.toThrow(/private address.*TINYCHAT_WEBHOOK_ALLOW_PRIVATE=1/);
    await expect(configure({ url: 'http://[::1]:9/hook', allowPrivate: false })).rejects.toThrow(/private address/);
    await expect(configure({ url: 'http://10.0.0.8/hook', allowPrivate: false })).rejects.toThrow(/10\.0\.0\.8 is a private address/);
    await expect(configure({ url: 'http://localhost:9/hook', allowPrivate: false })).rejects.toThrow(/localhost is at a private address/);
    await expect(configure({ url: 'http://127.0.0.1:9/hook', secret: undefined })).rejects.toThrow(/TINYCHAT_WEBHOOK_SECRET is required.*whsec_/);
    await expect(configure({ url: 'http://127.0.0.1:9/hook', secret: 'hunter2' })).rejects.toThrow(/must be whsec_ followed by base64/);
    await expect(configure({ url: 'http://127.0.0.1:9/hook', secret: 'whsec_c2hvcnQ=' })).rejects.toThrow(/24 to 64 bytes/);
    expect((await server.db.query(`select url, status from webhooks where id = 'wh_env'`))[0]).toEqual({ url: receiver.url, status: 'active' });
  });

  it('refuses such endpoints in the webhooks table, a private one when it is tried, and fails it after its last try (hosted mode: sent, no deliveries endpoint)', {
    timeout: 90_000,
  }, async () => {
    const target = await startReceiver();
    const strict = await startTestServer({ compat: 'hosted', webhooks: { ...FAST, url: undefined, allowPrivate: false, retryForMs: 300 } });
    try {
      const insert = (url: string, secret = SECRET) => strict.db.query('insert into webhooks (tenant_id, url, secret) values ($1, $2, $3)', [DEMO_TENANT, url, secret]);
      await expect(insert('javascript:alert(1)')).rejects.toThrow(/check constraint/);
      await expect(insert('file:///etc/passwd')).rejects.toThrow(/check constraint/);
      await expect(insert('https://example.com/hook', 'plain')).rejects.toThrow(/check constraint/);
      await insert(target.url.replace('127.0.0.1', 'localhost'));
      await insert(target.url.replace('127.0.0.1', '[::ffff:127.0.0.1]'));
      await conversation(strict);
      await settled(strict);
      const tried = await strict.db.query<{ error: string }>('select distinct error from webhook_attempts order by error');
      expect(tried.map((t) => t.error)).toEqual([
        'refused: ::ffff:7f00:1 is a private address; set TINYCHAT_WEBHOOK_ALLOW_PRIVATE=1 to allow it',
        'refused: localhost is at a private address (127.0.0.1); set TINYCHAT_WEBHOOK_ALLOW_PRIVATE=1 to allow it',
      ]);
      expect(target.received).toEqual([]);
      // Retried within the window, then failed; the endpoints are marked failing.
      const done = await strict.db.query<{ status: string; attempts: number }>('select status, attempts from webhook_deliveries');
      expect(done).toHaveLength(2);
      for (const d of done) {
        expect(d.status).toBe('failed');
        expect(d.attempts).toBeGreaterThan(1);
      }
      expect(await strict.db.query(`select distinct status from webhooks where id <> 'wh_env'`)).toEqual([{ status: 'failing' }]);
      // The deliveries endpoint is ours, beyond the seed: hosted mode answers as the seed's API would.
      expect((await strict.api('/v1/webhooks/deliveries', { key: null, headers: bearer('tiny_server_sk_demo') })).status).toBe(401);
      expect(await strict.api('/v1/webhooks/deliveries')).toMatchObject({ status: 404, body: { error: 'not found' } });
    } finally {
      await strict.close();
      await target.close();
    }
  });

  it('knows private addresses from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '[::1]',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', 'example.com']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('backs off from the first retry pause, doubling to at most the cap, with up to a fifth less at random', () => {
    expect(Array.from({ length: 12 }, (_, i) => retryDelay(i + 1, 5000, 3_600_000, 0))).toEqual([
      5000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000, 2_560_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelay(3, 5000, 3_600_000, 0.999)).toBe(Math.round(20_000 * (1 - 0.2 * 0.999)));
    expect(retryDelay(1000, 5000, 3_600_000, 0.5)).toBe(3_240_000);
  });
});
