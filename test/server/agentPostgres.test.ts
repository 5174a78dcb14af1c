import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { startTestServer } from './helpers/testServer.ts';

// The same agent and health rules on a real Postgres server (text[] columns, key lookups), not only PGlite.
let pg: TestPostgres;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  pg = await startPostgres();
  server = await startTestServer({ databaseUrl: pg.url, agent: { tokenDelayMs: 0, llm: undefined } });
  await server.db.query(`update agents set rate_limit = 2, allowed_origins = '{https://shop.example}' where id = 'demo-bot'`);
  await server.db.query(`insert into health_keys (key, scopes) values ('tk_test_noscope', '{chat:write}')`);
});
afterAll(async () => {
  await server?.close();
  await pg?.stop();
});

const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ stream: false, messages: [{ role: 'user', content: 'How do I track my parcel?' }], ...body }),
  });

describe('agent and health on Postgres', () => {
  it('applies keys, origins and the rate limit read from Postgres', async () => {
    expect((await post({ botId: 'private-bot' })).status).toBe(401);
    const keyed = await post({ botId: 'private-bot' }, { 'api-key': 'tiny_sk_demo' });
    expect(keyed.status).toBe(200);
    expect((await keyed.json()).payload.citedResources[0].id).toBe('tracking');

    expect((await post({ botId: 'demo-bot' }, { origin: 'https://evil.example' })).status).toBe(403);
    const shop = { origin: 'https://shop.example' };
    expect((await post({ botId: 'demo-bot' }, shop)).status).toBe(200);
    const last = await post({ botId: 'demo-bot' }, shop);
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = await post({ botId: 'demo-bot' }, shop);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('checks health keys and scopes', async () => {
    const ok = await server.api('/v1/health/llm', { key: null, headers: { authorization: 'Bearer tk_test_demo' } });
    expect(ok.status).toBe(200);
    expect(ok.body.providers.gpt.status).toBe('ok');
    const noScope = await server.api('/v1/health/llm', { key: null, headers: { authorization: 'Bearer tk_test_noscope' } });
    expect(noScope.body.error.code).toBe('insufficient_scope');
  });
});
