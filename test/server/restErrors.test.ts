import { expect, it } from 'vitest';
import { describeOnBackends } from './helpers/restBackends.ts';
import { KEY, OTHER_KEY } from './helpers/testServer.ts';
import { REST_BODY_FIELDS } from './helpers/bodyFields.ts';

describeOnBackends('REST errors and tenants', (ctx) => {
  const raw = (path: string, init: RequestInit = {}, key: string | null = KEY) =>
    fetch(ctx().server.url + path, { ...init, headers: { ...(key ? { 'x-tinychat-api-key': key } : {}), ...(init.headers as Record<string, string>) } });

  /** Every REST route of the API with a body that would be valid, for the demo tenant's conversation `conv`. */
  const routes = (conv: string, msg: string): [method: string, path: string, body?: unknown][] => [
    ['POST', '/users', { user_id: 'u_42' }],
    ['GET', '/conversations?user_id=u_42'],
    ['POST', '/conversations', { kind: 'support', participants: ['u_42'] }],
    ['GET', `/conversations/${conv}/messages`],
    ['POST', `/conversations/${conv}/messages`, { sender_id: 'u_42', body: 'x' }],
    ['PATCH', `/conversations/${conv}/messages/${msg}`, { sender_id: 'u_42', body: 'y' }],
    ['DELETE', `/conversations/${conv}/messages/${msg}`, { sender_id: 'u_42' }],
    ['POST', `/conversations/${conv}/typing`, { sender_id: 'u_42' }],
  ];

  it("answers the seed's 401 rows on every endpoint", async () => {
    for (const [method, path, body] of routes('c_x', 'm_x')) {
      for (const base of ['/v1', '/api/v1']) {
        const init = { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } };
        const none = await raw(base + path, init, null);
        expect([none.status, await none.json()], `${method} ${path}`).toEqual([401, { error: 'missing x-tinychat-api-key header' }]);
        const wrong = await raw(base + path, init, 'pk_live_nope');
        expect([wrong.status, await wrong.json()], `${method} ${path}`).toEqual([401, { error: 'invalid api key' }]);
      }
    }
  });

  it('answers 403 "tenant is overage|suspended" for a tenant in that state, on every endpoint', async () => {
    const { db } = ctx().server;
    try {
      for (const status of ['overage', 'suspended']) {
        await db.query(`update tenants set status = $1 where publishable_key = $2`, [status, OTHER_KEY]);
        for (const [method, path, body] of routes('c_x', 'm_x')) {
          const res = await ctx().server.api(`/v1${path}`, { method, json: body, key: OTHER_KEY });
          expect(res, `${status} ${method} ${path}`).toMatchObject({ status: 403, body: { error: `tenant is ${status}` } });
        }
      }
    } finally {
      await db.query(`update tenants set status = 'active' where publishable_key = $1`, [OTHER_KEY]);
    }
    expect((await ctx().server.api('/v1/conversations?user_id=u', { key: OTHER_KEY })).status).toBe(200);
  });

  it('never lets another tenant see or change a conversation: 404 "conversation not found" everywhere', async () => {
    const conv = await ctx().conversation(['u_42', 'agent_7']);
    const sent = await ctx().server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'private' } });
    const msg = sent.body.message.id as string;
    for (const [method, path, body] of routes(conv, msg).slice(3)) {
      const res = await ctx().server.api(`/v1${path}`, { method, json: body, key: OTHER_KEY });
      expect(res, `${method} ${path}`).toMatchObject({ status: 404, body: { error: 'conversation not found' } });
    }
    expect((await ctx().server.api('/v1/conversations?user_id=u_42', { key: OTHER_KEY })).body.conversations).toEqual([]);
    const still = await ctx().server.api(`/v1/conversations/${conv}/messages`);
    expect(still.body.messages).toMatchObject([{ id: msg, body: 'private', edited_at: null, deleted_at: null }]);
  });

  it('answers 400 "invalid json" for bodies that are not a JSON object, broken UTF-8 included', async () => {
    const conv = await ctx().conversation();
    const msg = (await ctx().server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'x' } })).body.message.id;
    const bad: (string | Uint8Array<ArrayBuffer>)[] = ['{', '{"user_id":', 'null', '[]', '"text"', '42', 'true', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])];
    for (const [method, path, body] of routes(conv, msg)) {
      if (body === undefined) continue;
      for (const b of bad) {
        const res = await raw(`/v1${path}`, { method, body: b, headers: { 'content-type': 'application/json' } });
        expect([res.status, await res.json()], `${method} ${path} ${String(b)}`).toEqual([400, { error: 'invalid json' }]);
      }
    }
  });

  it('never answers 500 to wrong JSON types in any field', async () => {
    const conv = await ctx().conversation();
    const msg = (await ctx().server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'x' } })).body.message.id;
    const wrongValues: unknown[] = [42, -1.5, true, null, [], ['a'], {}, { a: 1 }, '', ' ', 'x'.repeat(20_000), '\u0000', '\ud800', '😀'.repeat(3)];
    const fields = REST_BODY_FIELDS;
    for (const [method, path, body] of routes(conv, msg)) {
      if (body === undefined) continue;
      for (const field of fields) {
        for (const value of wrongValues) {
          const res = await ctx().server.api(`/v1${path}`, { method, json: { ...(body as object), [field]: value } });
          expect(res.status, `${method} ${path} ${field}=${JSON.stringify(value).slice(0, 30)} -> ${JSON.stringify(res.body)}`).toBeLessThan(500);
          expect(typeof res.body.error === 'string' || res.status < 400).toBe(true);
        }
      }
    }
  });

  it('answers 404, never a database error, for any id in the path', async () => {
    const ids = ['c_missing', 'x'.repeat(201), 'x'.repeat(5000), '%00', 'a%00b', "'; drop table messages; --", '%E0%A4%A', '..', '%F0%9F%98%80', '%C0%AF', '%ud800', ' '];
    for (const id of ids) {
      for (const [method, suffix, body] of [
        ['GET', '/messages', undefined],
        ['POST', '/messages', { sender_id: 'u', body: 'x' }],
        ['POST', '/typing', { sender_id: 'u' }],
        ['PATCH', '/messages/m_1', { sender_id: 'u', body: 'x' }],
      ] as const) {
        const res = await ctx().server.api(`/v1/conversations/${id}${suffix}`, { method, json: body });
        expect([res.status, res.body], `${method} ${id.slice(0, 20)}${suffix}`).toEqual([404, { error: expect.stringMatching(/not found$/) }]);
      }
    }
    const conv = await ctx().conversation();
    for (const id of ['x'.repeat(300), 'a%00b', '%E0%A4%A']) {
      const res = await ctx().server.api(`/v1/conversations/${conv}/messages/${id}`, { method: 'DELETE', json: { sender_id: 'u' } });
      expect([res.status, res.body]).toEqual([404, { error: 'message not found' }]);
    }
  });

  it('answers 413 JSON for a huge JSON body and a JSON 404 for unknown routes', async () => {
    const conv = await ctx().conversation();
    const huge = JSON.stringify({ sender_id: 'u', body: 'x'.repeat(200_000) });
    const res = await raw(`/v1/conversations/${conv}/messages`, { method: 'POST', body: huge, headers: { 'content-type': 'application/json' } });
    expect([res.status, await res.json()]).toEqual([413, { error: 'request body too large' }]);
    const bigger = await raw('/v1/users', { method: 'POST', body: 'x'.repeat(12 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
    expect([bigger.status, await bigger.json()]).toEqual([413, { error: 'request body too large' }]);
    for (const path of ['/v1/nope', '/v1/conversations/c/nope', '/api/v1/users/u_42']) {
      const r = await ctx().server.api(path);
      expect([r.status, r.body], path).toEqual([404, { error: 'not found' }]);
    }
    const wrongMethod = await ctx().server.api('/v1/users');
    expect(wrongMethod.status).toBe(404);
  });

  it("allows the seed's CORS plus idempotency-key", async () => {
    const res = await fetch(`${ctx().server.url}/v1/conversations/c/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-tinychat-api-key,idempotency-key' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });
});
