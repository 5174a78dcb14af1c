import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAY_CHANNEL } from '../../server/realtime/createPgRelay.ts';
import { createDatabase, startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { startTestServer } from '../server/helpers/testServer.ts';
import { joined, realtimeClient } from './helpers/realtimeClient.ts';
import { waitFor } from './helpers/waitFor.ts';

// Two server processes behind a load balancer, sharing one Postgres: createServer twice, each with its own
// pool and its own LISTEN connection, as two processes would have.
let postgres: TestPostgres;
let databaseUrl: string;
let a: Awaited<ReturnType<typeof startTestServer>>;
let b: Awaited<ReturnType<typeof startTestServer>>;
const clients: SupabaseClient[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await createDatabase(postgres.url, `realtime_${process.pid}`);
  a = await startTestServer({ databaseUrl });
  b = await startTestServer({ databaseUrl });
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await a?.close();
  await b?.close();
  await postgres?.stop();
});

async function conversation(): Promise<string> {
  return (await a.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } })).body.conversation.id;
}

function client(url: string, vsn: '1.0.0' | '2.0.0' = '2.0.0'): SupabaseClient {
  const c = realtimeClient(url, undefined, { vsn, reconnectAfterMs: () => 50 });
  clients.push(c);
  return c;
}

describe('two server processes on one Postgres', () => {
  it("deliver each other's REST broadcasts and client pushes", async () => {
    const conv = await conversation();
    const onA = await joined(client(a.url), `conv:${conv}`, { ack: true });
    const onB = await joined(client(b.url, '1.0.0'), `conv:${conv}`);

    const first = await a.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'sent through a' } });
    await waitFor(() => onA.received.length === 1 && onB.received.length === 1, 'the first on both');
    const second = await b.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'sent through b' } });
    await waitFor(() => onA.received.length === 2 && onB.received.length === 2, 'the second on both');
    expect(await onA.channel.send({ type: 'broadcast', event: 'typing', payload: { senderId: 'u_42' } })).toBe('ok');
    await waitFor(() => onB.received.length === 3, 'the push');
    expect(onB.received.map((r) => r.payload)).toEqual([{ message: first.body.message }, { message: second.body.message }, { senderId: 'u_42' }]);
    expect(onA.received.map((r) => r.payload)).toEqual([{ message: first.body.message }, { message: second.body.message }]);
  });

  it('keep the order of one process’s broadcasts', async () => {
    const conv = await conversation();
    const onB = await joined(client(b.url), `conv:${conv}`);
    const messages = Array.from({ length: 50 }, (_, n) => ({ topic: `conv:${conv}`, event: 'tick', payload: { n } }));
    // Half in one call, the rest one call each without waiting: NOTIFYs batch up behind each other.
    const post = (batch: unknown[]) =>
      fetch(`${a.url}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: 'rt_anon_demo', 'content-type': 'application/json' },
        body: JSON.stringify({ messages: batch }),
      });
    expect((await post(messages.slice(0, 25))).status).toBe(202);
    for (const m of messages.slice(25)) expect((await post([m])).status).toBe(202);
    await waitFor(() => onB.received.length === 50, 'all 50');
    expect(onB.received.map((r) => r.payload.n)).toEqual(messages.map((m) => m.payload.n));
  });

  it('carry payloads over NOTIFY’s 8000-byte limit whole (multi-byte text, binary)', async () => {
    const conv = await conversation();
    const onB = await joined(client(b.url), `conv:${conv}`);
    const body = 'héllo wörld 🚚 '.repeat(600); // about 10,000 characters, 11 KB of UTF-8
    const sent = await a.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: body.slice(0, 10_000) } });
    expect(sent.status).toBe(201);
    const bytes = new Uint8Array(20_000).map((_, i) => i % 256);
    const res = await fetch(`${a.url}/realtime/v1/api/broadcast/conv:${conv}/events/bytes`, {
      method: 'POST',
      headers: { apikey: 'rt_anon_demo', 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(res.status).toBe(202);
    await waitFor(() => onB.received.length === 2, 'both big broadcasts');
    expect(onB.received[0]?.payload).toEqual({ message: sent.body.message });
    expect(new Uint8Array(onB.received[1]?.payload as ArrayBuffer)).toEqual(bytes);
  });

  it('make clients rejoin when a LISTEN connection was lost, then deliver again', async () => {
    const conv = await conversation();
    const onB = await joined(client(b.url), `conv:${conv}`);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // Kill both processes' LISTEN connections, as a Postgres restart or a network cut would.
      const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query ilike $1 and pid <> pg_backend_pid()`, [`listen "${RELAY_CHANNEL}"%`]);
      expect(killed.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    const rejoined = onB.subscribed();
    await rejoined;
    expect(onB.statuses).toEqual(['SUBSCRIBED', expect.stringMatching(/^CHANNEL_ERROR/), 'SUBSCRIBED']);
    const sent = await a.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'after the gap' } });
    await waitFor(() => onB.received.length === 1, 'the message after the gap');
    expect(onB.received[0]?.payload).toEqual({ message: sent.body.message });
  });
});
