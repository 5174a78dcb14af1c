import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_KEY, startTestServer } from '../server/helpers/testServer.ts';
import { ANON_KEY, OTHER_ANON_KEY } from './helpers/realtimeClient.ts';

// What the widget connects to comes from /v1/config: this server's public URL and the tenant's anon key.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ publicUrl: 'https://chat.example.com/' });
});
afterAll(() => server.close());

describe('/v1/config realtime', () => {
  it('gives the publicUrl setting (else the request host) and each tenant its own realtime anon key', async () => {
    const mine = await server.api('/v1/config');
    expect(mine.body.realtime).toEqual({ supabase_url: 'https://chat.example.com', supabase_anon_key: ANON_KEY, channel_prefix: 'conv:' });
    const other = await server.api('/v1/config', { key: OTHER_KEY });
    expect(other.body.realtime.supabase_anon_key).toBe(OTHER_ANON_KEY);
  });
});
