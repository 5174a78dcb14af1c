import fc from 'fast-check';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer } from './helpers/testServer.ts';
import { REST_BODY_FIELDS } from './helpers/bodyFields.ts';

const token = (sub: string) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(new TextEncoder().encode('tc_id_secret_demo'));

let server: Awaited<ReturnType<typeof startTestServer>>;
let demoConv: string;
let demoMessage: string;
let secureConv: string;
let userToken: string;
/** The other tenant's rows, as they were before the storm. */
let otherBefore: string;

const otherTenantRows = async () =>
  JSON.stringify([
    await server.db.query(`select * from conversations where tenant_id = '66666666-7777-8888-9999-000000000000' order by id`),
    await server.db.query(`select m.* from messages m join conversations c on c.id = m.conversation_id where c.tenant_id = '66666666-7777-8888-9999-000000000000' order by m.id`),
    await server.db.query(`select * from users where tenant_id = '66666666-7777-8888-9999-000000000000' order by user_id`),
  ]);

beforeAll(async () => {
  // Limits off: a 429 is no 5xx, but the storm should reach the handlers behind them.
  server = await startTestServer({ limits: { restWrites: false }, agent: { tokenDelayMs: 0 } });
  userToken = await token('u_prop');
  demoConv = (await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_prop', 'support'] } })).body.conversation.id;
  demoMessage = (await server.api(`/v1/conversations/${demoConv}/messages`, { method: 'POST', json: { sender_id: 'u_prop', body: 'hi' } })).body.message.id;
  secureConv = (
    await server.api('/v1/conversations', {
      method: 'POST',
      key: 'pk_test_secure',
      headers: { 'x-tinychat-user-token': userToken },
      json: { kind: 'support', participants: ['u_prop'] },
    })
  ).body.conversation.id;
  const other = (await server.api('/v1/conversations', { method: 'POST', key: 'pk_test_other', json: { kind: 'order', external_ref: 'o_1', participants: ['u_prop', 'support'] } }))
    .body.conversation.id;
  await server.api(`/v1/conversations/${other}/messages`, { method: 'POST', key: 'pk_test_other', json: { sender_id: 'u_prop', body: 'the other tenant’s' } });
  await server.api('/v1/users', { method: 'POST', key: 'pk_test_other', json: { user_id: 'u_prop', email: 'prop@other.example', fcm_tokens: ['t1'] } });
  otherBefore = await otherTenantRows();
});
afterAll(() => server.close());

// Strings a client might send by mistake or on purpose: any code points, lone surrogates, NUL, long ones.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\ud800', 'a\udc00b', '\udbff', '\u0000', 'x'.repeat(300), '%00', '../..', "'; drop table users; --", '🦄'.repeat(50), ''),
  fc.tuple(fc.string({ maxLength: 5 }), fc.constantFrom('\ud800', '\udfff')).map(([a, b]) => a + b),
);
const deep = fc.integer({ min: 30, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const value: fc.Arbitrary<unknown> = fc.oneof(nasty, fc.jsonValue({ maxDepth: 4 }), fc.array(nasty, { maxLength: 4 }), fc.dictionary(nasty, nasty, { maxKeys: 3 }));
const field = (names: string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...names), nasty), value, { maxKeys: 6 });
const FIELDS = [...REST_BODY_FIELDS, 'botId', 'messages', 'stream', 'model', 'temperature', 'topic', 'event', 'payload'];
// A body: JSON of random shape, a deep document, broken text, or JSON with a lone surrogate escaped in it.
const body = fc.oneof(
  field(FIELDS).map((o) => JSON.stringify(o)),
  deep,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{"user_id":"u","notification_prefs":{"a":"\\ud800"}}', '{"messages":[{"topic":"t","event":"e","payload":{"x":"\\udfff"}}]}', '{', 'null', '[]', '"x"'),
);

// A path segment as a client library would send it (a lone surrogate cannot be UTF-8, so it becomes U+FFFD).
const enc = (s: string) => encodeURIComponent(s.replace(/\p{Cs}/gu, '\ufffd'));
const ids = () => fc.oneof(fc.constantFrom(demoConv, secureConv, 'c_missing'), nasty);
const request = () =>
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'),
    path: fc.oneof(
      fc.constantFrom('/v1/config', '/v1/users', '/v1/conversations', '/api/v1/users', '/v1/chat/completions', '/v1/health/llm', '/realtime/v1/api/broadcast'),
      fc.tuple(ids(), fc.constantFrom('/messages', '/typing', '/upload', `/messages/${demoMessage}`, '/messages/m_x')).map(([id, rest]) => `/v1/conversations/${enc(id)}${rest}`),
      fc.tuple(nasty, nasty).map(([t, e]) => `/realtime/v1/api/broadcast/${enc(t)}/events/${enc(e)}`),
    ),
    query: fc.dictionary(fc.constantFrom('user_id', 'kind', 'before', 'limit', 'sender_id', 'apikey'), nasty, { maxKeys: 3 }),
    key: fc.constantFrom('pk_test_demo', 'pk_test_secure', 'pk_test_nope', ''),
    userToken: fc.oneof(
      fc.constant(undefined),
      fc.constant('valid'),
      nasty.filter((s) => /^[\x21-\x7e]*$/.test(s)),
    ),
    body: fc.option(body, { nil: undefined }),
    contentType: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream'),
  });

describe("never a 5xx for a client's mistake", () => {
  it("answers every random request to every endpoint below 500, and no other tenant's data changes", async () => {
    const errors = vi.spyOn(console, 'error');
    await fc.assert(
      fc.asyncProperty(request(), async (r) => {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(r.query)) search.set(k, v);
        const headers: Record<string, string> = { 'content-type': r.contentType, apikey: r.key === 'pk_test_secure' ? 'rt_anon_secure' : 'rt_anon_demo' };
        if (r.key !== '') headers['x-tinychat-api-key'] = r.key;
        if (r.userToken !== undefined) headers['x-tinychat-user-token'] = r.userToken === 'valid' ? userToken : r.userToken;
        const res = await fetch(`${server.url}${r.path}?${search}`, { method: r.method, headers, body: r.method === 'GET' ? undefined : r.body });
        const text = await res.text();
        expect(res.status, `${r.method} ${r.path.slice(0, 80)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(await otherTenantRows()).toBe(otherBefore);
  });

  it('answers the cases that once were 500 with 400s that name the field', async () => {
    const users = (text: string) =>
      fetch(`${server.url}/v1/users`, { method: 'POST', headers: { 'x-tinychat-api-key': 'pk_test_demo', 'content-type': 'application/json' }, body: text });
    const surrogate = await users('{"user_id":"u_1","notification_prefs":{"a":"\\ud800"}}');
    expect([surrogate.status, await surrogate.json()]).toEqual([400, { error: 'notification_prefs must be well-formed Unicode (it holds a lone surrogate)' }]);
    const deepJson = await users(`{"user_id":"u_1","notification_prefs":{"a":${'['.repeat(12_000)}${']'.repeat(12_000)}}}`);
    expect([deepJson.status, await deepJson.json()]).toEqual([400, { error: 'notification_prefs is nested too deeply (at most 32 levels)' }]);
    const broadcast = await fetch(`${server.url}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: 'rt_anon_demo', 'content-type': 'application/json' },
      body: `{"messages":[{"topic":"lobby","event":"e","payload":${'['.repeat(12_000)}${']'.repeat(12_000)}}]}`,
    });
    expect([broadcast.status, await broadcast.json()]).toEqual([400, { error: 'messages is nested too deeply (at most 32 levels)' }]);
  });

  it('answers a fault on our side with a generic sentence and a request id; the details go to the log only', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server.db.query('alter table messages rename to messages_away');
    try {
      const res = await server.api(`/v1/conversations/${demoConv}/messages`);
      const id = res.headers.get('x-request-id');
      expect(res.status).toBe(500);
      expect(id).toMatch(/^req_[0-9a-f]{16}$/);
      expect(res.body).toEqual({ error: `something went wrong on our side; please try again (request id ${id})` });
      expect(JSON.stringify(res.body)).not.toContain('messages');
      expect(String(errors.mock.calls[0]?.[0])).toContain(id);
      expect(String(errors.mock.calls[0]?.[1])).toMatch(/messages/);
    } finally {
      await server.db.query('alter table messages_away rename to messages');
      errors.mockRestore();
    }
  });
});

describe('the agent bounds its retrieval', () => {
  it('answers a 32,000-letter question without a space with under 50 MB of RSS growth and 100 ms of CPU', async () => {
    const ask = () =>
      fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ botId: 'demo-bot', stream: false, messages: [{ role: 'user', content: 'a'.repeat(32_000) }] }),
      });
    expect((await ask()).status).toBe(200); // warm: the knowledge base is indexed on first use
    const rss = process.resourceUsage().maxRSS;
    const cpu = process.cpuUsage();
    const res = await ask();
    const used = process.cpuUsage(cpu);
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.content).toMatch(/talk to a person|could not find/i);
    // maxRSS is the peak, in KiB: the unbounded search once took ~1 GB of it; CPU is what the machine's load leaves alone.
    expect((process.resourceUsage().maxRSS - rss) / 1024).toBeLessThan(50);
    expect((used.user + used.system) / 1000).toBeLessThan(100);
  });
});
