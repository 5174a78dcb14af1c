import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApi, startTestServer, type Api } from './helpers/testServer.ts';

const SECRET = 'tc_id_secret_demo';
const SECURE = 'pk_test_secure';
const DEMO = 'pk_test_demo';
const OTHER = 'pk_test_other';

/** A user token as a site's server signs it. */
async function token(sub: string, claims: Record<string, unknown> = {}, { secret = SECRET, exp = '1h' as string | number } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(exp).sign(new TextEncoder().encode(secret));
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: Api;
/** REST as `user` on `key`, with their token (or `tok` as given). */
const as =
  (key: string, tok: string | undefined) =>
  (path: string, init: Parameters<Api>[1] = {}) =>
    api(path, { ...init, key, headers: { ...(tok === undefined ? {} : { 'x-tinychat-user-token': tok }), ...(init.headers as Record<string, string>) } });

beforeAll(async () => {
  server = await startTestServer();
  api = server.api;
});
afterAll(() => server.close());

describe('a tenant in required mode (Secure Shop)', () => {
  it('answers 401 with a sentence without a token, except the config the widget reads first', async () => {
    const config = await api('/v1/config', { key: SECURE });
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      tenant: { name: 'Secure Shop' },
      realtime: { supabase_anon_key: 'rt_anon_secure' },
      features: expect.arrayContaining(['identity']),
      identity: { mode: 'required' },
    });
    expect(JSON.stringify(config.body)).not.toContain(SECRET);
    for (const [path, method, json] of [
      ['/v1/users', 'POST', { user_id: 'u_ada' }],
      ['/v1/conversations?user_id=u_ada', 'GET', undefined],
      ['/v1/conversations', 'POST', { kind: 'support', participants: ['u_ada', 'support'] }],
    ] as const) {
      const res = await api(path, { method, json, key: SECURE });
      expect([res.status, res.body.error]).toEqual([401, 'user token required: this tenant needs a signed user token in x-tinychat-user-token']);
    }
  });

  it('refuses wrong, expired and forged tokens with 401, whatever the request', async () => {
    const cases: [string, RegExp][] = [
      ['not.a.jwt', /^invalid user token/],
      [await token('u_ada', {}, { secret: 'someone_elses_secret' }), /^invalid user token: not signed/],
      [await token('u_ada', {}, { exp: Math.floor(Date.now() / 1000) - 60 }), /^user token has expired/],
      [new UnsecuredJWT({}).setSubject('u_ada').setExpirationTime('1h').encode(), /^invalid user token/],
      [await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u_ada').sign(new TextEncoder().encode(SECRET)), /^invalid user token: exp/],
      [await token('u_ada', { role: 'superuser' }), /^invalid user token: role must be one of/],
    ];
    for (const [tok, error] of cases) {
      for (const key of [SECURE, DEMO, OTHER]) {
        const res = await as(key, tok)('/v1/users', { method: 'POST', json: { user_id: 'u_ada' } });
        expect(res.status, `${key} ${tok.slice(0, 30)}`).toBe(401);
        expect(res.body.error).toMatch(key === OTHER ? /^invalid user token: this tenant does not use user tokens/ : error);
      }
    }
  });

  it("takes the user from the token: ids that differ are 403, lists hold only the caller's conversations", async () => {
    const ada = as(SECURE, await token('u_ada', { name: 'Ada', email: 'ada@example.com', role: 'customer' }));
    const bob = as(SECURE, await token('u_bob'));
    const sam = as(SECURE, await token('support', { role: 'support' }));

    const upsert = await ada('/v1/users', { method: 'POST', json: { user_id: 'u_ada', role: 'admin' } });
    expect(upsert.status).toBe(200);
    // The role comes from the token only; name and email from the token when the body has none.
    expect(upsert.body.user).toMatchObject({ user_id: 'u_ada', role: 'customer', name: 'Ada', email: 'ada@example.com' });
    expect(await ada('/v1/users', { method: 'POST', json: { user_id: 'u_bob', email: 'mine@evil.test' } })).toMatchObject({
      status: 403,
      body: { error: 'user token does not match user_id' },
    });

    const created = await ada('/v1/conversations', { method: 'POST', json: { kind: 'order', external_ref: 'order_9001', participants: ['u_ada', 'support'] } });
    expect(created.status).toBe(201);
    const conv = created.body.conversation.id as string;
    expect(await ada('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_bob', 'support'] } })).toMatchObject({
      status: 403,
      body: { error: 'participants must include the signed-in user' },
    });
    // Get-or-create by someone else's ref does not hand over their thread.
    expect(await bob('/v1/conversations', { method: 'POST', json: { kind: 'order', external_ref: 'order_9001', participants: ['u_bob'] } })).toMatchObject({
      status: 403,
      body: { error: 'you are not a participant of this conversation' },
    });

    expect(await ada(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'agent_7', body: 'Please confirm your card number here' } })).toMatchObject({
      status: 403,
      body: { error: 'user token does not match sender_id' },
    });
    const sent = await ada(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_ada', body: 'Where is my order?' } });
    expect(sent.status).toBe(201);
    // Read marks: only as oneself.
    const mark = (who: typeof ada, userId: string) => who(`/v1/conversations/${conv}/read`, { method: 'POST', json: { user_id: userId, message_id: sent.body.message.id } });
    expect(await mark(ada, 'support')).toMatchObject({ status: 403, body: { error: 'user token does not match user_id' } });
    expect((await mark(sam, 'support')).status).toBe(200);
    const reply = await sam(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'support', body: 'On its way' } });
    expect(reply.status).toBe(201);

    // Listing: only one's own; another user id is 403; user_id may be left out.
    expect((await sam('/v1/conversations')).body.conversations.map((c: { id: string }) => c.id)).toEqual([conv]);
    expect(await bob('/v1/conversations?user_id=support&kind=order')).toMatchObject({ status: 403, body: { error: 'user token does not match user_id' } });
    expect((await bob('/v1/conversations?user_id=u_bob')).body.conversations).toEqual([]);

    // History, sends, typing and uploads need a participant.
    const notMine = { status: 403, body: { error: 'you are not a participant of this conversation' } };
    expect(await bob(`/v1/conversations/${conv}/messages`)).toMatchObject(notMine);
    expect(await bob(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_bob', body: 'hi' } })).toMatchObject(notMine);
    expect(await bob(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u_bob' } })).toMatchObject(notMine);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], { type: 'image/png' }), 'a.png');
    expect(await bob(`/v1/conversations/${conv}/upload`, { method: 'POST', body: form })).toMatchObject(notMine);
    expect((await ada(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u_ada' } })).status).toBe(202);
    expect((await ada(`/v1/conversations/${conv}/messages`)).body.messages.map((m: { body: string }) => m.body)).toEqual(['Where is my order?', 'On its way']);

    // Edits and deletes: as oneself only, then the original-sender rule.
    const mine = sent.body.message.id as string;
    expect(await ada(`/v1/conversations/${conv}/messages/${reply.body.message.id}`, { method: 'PATCH', json: { sender_id: 'support', body: 'x' } })).toMatchObject({
      status: 403,
      body: { error: 'user token does not match sender_id' },
    });
    expect(await ada(`/v1/conversations/${conv}/messages/${reply.body.message.id}`, { method: 'PATCH', json: { sender_id: 'u_ada', body: 'x' } })).toMatchObject({
      status: 403,
      body: { error: 'only the sender can edit this message' },
    });
    expect((await ada(`/v1/conversations/${conv}/messages/${mine}`, { method: 'PATCH', json: { sender_id: 'u_ada', body: 'Where IS my order?' } })).status).toBe(200);
    expect((await ada(`/v1/conversations/${conv}/messages/${mine}`, { method: 'DELETE', json: { sender_id: 'u_ada' } })).status).toBe(200);

    // Another user's email and push tokens are never returned: an upsert is of one's own row only.
    await bob('/v1/users', { method: 'POST', json: { user_id: 'u_bob', email: 'bob@example.com', fcm_tokens: ['tok_bob'] } });
    const peek = await ada('/v1/users', { method: 'POST', json: { user_id: 'u_bob' } });
    expect(peek.status).toBe(403);
    expect(JSON.stringify(peek.body)).not.toContain('bob@example.com');
  });
});

describe('a tenant in optional mode (the demo tenant)', () => {
  it("keeps the seed behaviour without a token, and applies the token's rules with one", async () => {
    const anon = await api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_visitor', 'agent_7'] } });
    expect(anon.status).toBe(201);
    const conv = anon.body.conversation.id as string;
    expect((await api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'agent_7', body: 'anyone may say this without identity' } })).status).toBe(201);
    const signed = as(DEMO, await token('u_visitor'));
    expect(await signed(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'agent_7', body: 'x' } })).toMatchObject({ status: 403 });
    expect((await signed(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_visitor', body: 'signed' } })).status).toBe(201);
  });

  it('closes a user id to everyone without a token once that user has signed in with one', async () => {
    const staff = as(DEMO, await token('staff_1', { role: 'support', name: 'Sam' }));
    // Before: anyone can act as staff_1, as the seed has it.
    expect((await api('/v1/conversations?user_id=staff_1&kind=support')).status).toBe(200);
    const listed = await staff('/v1/conversations?user_id=staff_1');
    expect(listed.status).toBe(200);
    const closed = { status: 401, body: { error: 'this user signs in with a user token: send it in x-tinychat-user-token' } };
    expect(await api('/v1/conversations?user_id=staff_1&kind=support')).toMatchObject(closed);
    expect(await api('/v1/users', { method: 'POST', json: { user_id: 'staff_1', role: 'admin' } })).toMatchObject(closed);
    const conv = (await api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_x', 'staff_1'] } })).body.conversation.id;
    expect(await api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'staff_1', body: 'Please confirm your card number' } })).toMatchObject(closed);
    expect(await api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'staff_1' } })).toMatchObject(closed);
    // The staff member, with the token, still can; and the role came from the token.
    expect((await staff(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'staff_1', body: 'Hello' } })).status).toBe(201);
    expect((await staff('/v1/users', { method: 'POST', json: { user_id: 'staff_1' } })).body.user).toMatchObject({ role: 'support', name: 'Sam' });
  });
});

describe('with identity off (hosted mode) or a tenant in off mode', () => {
  it('allows the token header in CORS only while identity is on, never in hosted mode', async () => {
    const preflight = (base: string) =>
      fetch(`${base}/v1/config`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-tinychat-user-token' },
      });
    expect((await preflight(server.url)).headers.get('access-control-allow-headers')).toContain('x-tinychat-user-token');
    const hosted = await startTestServer({ compat: 'hosted' });
    try {
      expect((await preflight(hosted.url)).headers.get('access-control-allow-headers')).toBe('content-type,x-tinychat-api-key');
      // Every tenant behaves as the seed: no features, the header ignored, required mode not enforced.
      const config = await hosted.api('/v1/config', { key: SECURE });
      expect(config.body.features).toBeUndefined();
      const hostedApi = makeApi(hosted.url);
      const res = await hostedApi('/v1/users', { method: 'POST', key: SECURE, json: { user_id: 'u_ada', role: 'admin' }, headers: { 'x-tinychat-user-token': 'whatever' } });
      expect(res.body.user).toMatchObject({ user_id: 'u_ada', role: 'admin' });
    } finally {
      await hosted.close();
    }
  });

  it('mints demo tokens only on a server started for the demo (the dev-only route)', async () => {
    expect((await fetch(`${server.url}/demo/user-token`)).status).toBe(404);
    const demoServer = await startTestServer({ demoTokens: true });
    try {
      const { token } = (await (await fetch(`${demoServer.url}/demo/user-token?for=support`)).json()) as { token: string };
      const listed = await demoServer.api('/v1/conversations', { headers: { 'x-tinychat-user-token': token } });
      expect(listed.status).toBe(200);
      // Sam signed in: the staff id is now closed to anyone without a token.
      expect((await demoServer.api('/v1/conversations?user_id=support')).status).toBe(401);
      const shopper = (await (await fetch(`${demoServer.url}/demo/user-token?for=shopper`)).json()) as { token: string };
      expect(
        (await demoServer.api('/v1/users', { method: 'POST', key: SECURE, headers: { 'x-tinychat-user-token': shopper.token }, json: { user_id: 'u_shopper' } })).body.user,
      ).toMatchObject({ user_id: 'u_shopper', name: 'Ada' });
      expect((await fetch(`${demoServer.url}/demo/user-token?for=admin`)).status).toBe(400);
    } finally {
      await demoServer.close();
    }
  });

  it('a tenant in off mode advertises no identity and works as the seed', async () => {
    const config = await api('/v1/config', { key: OTHER });
    expect(config.body.features).not.toContain('identity');
    expect(config.body.identity).toBeUndefined();
    expect((await api('/v1/users', { method: 'POST', key: OTHER, json: { user_id: 'u_1', role: 'admin' } })).body.user.role).toBe('admin');
  });
});
