import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/testServer.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /v1/config', () => {
  it('returns the tenant and this server as the realtime endpoint', async () => {
    const { status, body } = await server.api('/v1/config');
    expect(status).toBe(200);
    expect(body).toEqual({
      tenant: { id: '11111111-2222-3333-4444-555555555555', name: 'Acme Logistics' },
      realtime: { supabase_url: server.url, supabase_anon_key: expect.any(String), channel_prefix: 'conv:' },
      features: expect.arrayContaining(['idempotency_key', 'agent_health']),
      agent: { healthy: true, checked_at: expect.any(String) },
    });
  });

  it('is served under /api/v1 too', async () => {
    expect((await server.api('/api/v1/config')).status).toBe(200);
  });

  it('answers the seed rows for missing and unknown keys', async () => {
    expect(await server.api('/v1/config', { key: null })).toMatchObject({ status: 401, body: { error: 'missing x-tinychat-api-key header' } });
    expect(await server.api('/v1/config', { key: 'pk_test_nope' })).toMatchObject({ status: 401, body: { error: 'invalid api key' } });
    expect(await server.api('/v1/config', { key: 'garbage' })).toMatchObject({ status: 401, body: { error: 'invalid api key' } });
  });

  it('answers unknown routes with a JSON 404', async () => {
    expect(await server.api('/v1/nope')).toMatchObject({ status: 404, body: { error: 'not found' } });
  });
});
