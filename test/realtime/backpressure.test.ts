import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer.ts';
import { ANON_KEY, joined, realtimeClient, trackedTransport } from './helpers/realtimeClient.ts';
import { flood, rawSocket } from './helpers/rawSocket.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: SupabaseClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ realtimeSettings: { maxBufferedBytes: 64 * 1024 } });
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await server.close();
});

describe('a slow consumer', () => {
  it('is dropped once its send buffer passes the bound, while another subscriber keeps receiving everything', async () => {
    const conv = (await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } })).body.conversation.id;
    const slow = await rawSocket(server.url, ANON_KEY);
    expect((await slow.join(`conv:${conv}`)).status).toBe('ok');
    const tracked = trackedTransport();
    // Never reads again: its TCP window fills, then the server's buffer for it grows.
    const resumeSlow = tracked.stall(slow.ws);
    const client = realtimeClient(server.url);
    clients.push(client);
    const healthy = await joined(client, `conv:${conv}`);

    const sent = await flood(server.url, `conv:${conv}`, () => server.realtimeStats().dropped > 0);
    await server.api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u_42' } });
    await waitFor(() => healthy.received.length === sent + 1, 'every broadcast at the healthy subscriber');
    expect(healthy.received.slice(0, sent).map((r) => r.payload.n)).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
    expect(healthy.received[sent]?.event).toBe('typing');
    expect(server.realtimeStats().dropped).toBe(1);

    // Reading again, the slow one finds its socket gone (no closing handshake: its buffer was the problem).
    resumeSlow();
    await waitFor(() => slow.closed !== undefined, 'the slow socket to see the drop');
    expect(slow.closed?.code).toBe(1006);
    expect(server.realtimeStats().connections).toBe(1); // the healthy one (the publisher has gone)
  });
});
