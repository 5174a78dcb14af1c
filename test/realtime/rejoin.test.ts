import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer.ts';
import { realtimeClient, trackedTransport, watch } from './helpers/realtimeClient.ts';
import { flood } from './helpers/rawSocket.ts';
import { waitFor } from './helpers/waitFor.ts';

const clients: SupabaseClient[] = [];
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ realtimeSettings: { maxBufferedBytes: 64 * 1024 } });
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await server.close();
});

describe('the client rejoins and then receives again', () => {
  it('after the server drops its socket (it stopped reading and fell behind)', async () => {
    const conv = (await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } })).body.conversation.id;
    const tracked = trackedTransport();
    const client = realtimeClient(server.url, undefined, { transport: tracked.transport, reconnectAfterMs: () => 50 });
    clients.push(client);
    const sub = watch(client, `conv:${conv}`);
    await sub.subscribed();
    const resume = tracked.stall(tracked.sockets[0]!);
    await flood(server.url, `conv:${conv}`, () => server.realtimeStats().dropped > 0);
    expect(server.realtimeStats().dropped).toBe(1);
    const rejoined = sub.subscribed();
    resume();
    await rejoined;
    expect(sub.statuses.slice(0, 2)).toEqual(['SUBSCRIBED', expect.stringMatching(/^CHANNEL_ERROR/)]);
    expect(tracked.sockets.length).toBe(2);

    const sent = await server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'after the drop' } });
    await waitFor(() => sub.received.some((r) => r.event === 'message'), 'the message after rejoining');
    expect(sub.received.find((r) => r.event === 'message')?.payload).toEqual({ message: sent.body.message });
  });

  // Two server starts on disk inside one test: more time than the default when the shared machine is busy.
  it('after the server restarts on the same port', { timeout: 90_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tinychat-rt-'));
    try {
      const first = await startTestServer({ memory: false, dataDir });
      const conv = (await first.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } })).body.conversation.id;
      const client = realtimeClient(first.url, undefined, { reconnectAfterMs: () => 50 });
      clients.push(client);
      const sub = watch(client, `conv:${conv}`);
      await sub.subscribed();
      await first.close();
      await waitFor(() => sub.statuses.some((s) => s.startsWith('CHANNEL_ERROR')), 'the client to notice');

      const rejoined = sub.subscribed();
      const second = await startTestServer({ memory: false, dataDir, port: first.port });
      try {
        await rejoined;
        const sent = await second.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'after the restart' } });
        await waitFor(() => sub.received.length === 1, 'the message after the restart');
        expect(sub.received[0]?.payload).toEqual({ message: sent.body.message });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
