import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../server/helpers/testServer.ts';
import { ANON_KEY, OTHER_ANON_KEY, joined, realtimeClient } from './helpers/realtimeClient.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: SupabaseClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await server.close();
});

function client(vsn: '1.0.0' | '2.0.0' = '2.0.0', key = ANON_KEY): SupabaseClient {
  const c = realtimeClient(server.url, key, { vsn });
  clients.push(c);
  return c;
}

async function conversation(): Promise<string> {
  const res = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } });
  return res.body.conversation.id as string;
}

describe.each(['2.0.0', '1.0.0'] as const)('channel.send (vsn %s)', (vsn) => {
  it('reaches the other subscribers but not the sender, unless it joined with self: true', async () => {
    const topic = `conv:${await conversation()}`;
    const sender = await joined(client(vsn), topic, { ack: true });
    const selfish = await joined(client(vsn), topic, { self: true });
    const other = await joined(client(vsn === '2.0.0' ? '1.0.0' : '2.0.0'), topic);

    // ack: the send resolves once the server has taken it, so what follows is ordered after it.
    expect(await sender.channel.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe('ok');
    expect(await selfish.channel.send({ type: 'broadcast', event: 'pong', payload: { n: 2 } })).toBe('ok');
    await waitFor(() => other.received.length === 2 && sender.received.length === 1 && selfish.received.length === 2, 'both broadcasts');
    expect(other.received).toEqual([
      { type: 'broadcast', event: 'ping', payload: { n: 1 } },
      { type: 'broadcast', event: 'pong', payload: { n: 2 } },
    ]);
    // The sender (self: false) got only the other's broadcast; the one with self: true got its own too.
    expect(sender.received.map((r) => r.event)).toEqual(['pong']);
    expect(selfish.received.map((r) => r.event)).toEqual(['ping', 'pong']);
  });

  it("answers an acked send of 'message' on a conversation with an error: messages come from the server", async () => {
    const topic = `conv:${await conversation()}`;
    const sender = await joined(client(vsn), topic, { ack: true });
    const other = await joined(client(vsn), topic);
    expect(await sender.channel.send({ type: 'broadcast', event: 'Message', payload: { message: { body: 'fake' } } })).toBe('error');
    expect(await sender.channel.send({ type: 'broadcast', event: 'typing', payload: { senderId: 'u_42' } })).toBe('ok');
    await waitFor(() => other.received.length === 1, 'the typing broadcast');
    expect(other.received[0]?.event).toBe('typing');
  });
});

describe('channels other than conversations', () => {
  it("are the tenant's own: the same name in another tenant is another channel", async () => {
    const a1 = await joined(client(), 'lobby', { ack: true });
    const a2 = await joined(client(), 'lobby');
    const b = await joined(client('2.0.0', OTHER_ANON_KEY), 'lobby', { ack: true });
    expect(await a1.channel.send({ type: 'broadcast', event: 'hello', payload: { from: 'a' } })).toBe('ok');
    expect(await b.channel.send({ type: 'broadcast', event: 'hello', payload: { from: 'b' } })).toBe('ok');
    await waitFor(() => a2.received.length === 1, 'tenant a');
    // b's own broadcast was acked after a's, and b has self: false, so b would have had a's by now.
    expect(b.received).toEqual([]);
    expect(a2.received[0]?.payload).toEqual({ from: 'a' });
  });
});

describe('REST broadcast (when the client cannot push)', () => {
  it('channel.send on a channel that is not joined falls back to POST /realtime/v1/api/broadcast', async () => {
    const topic = `conv:${await conversation()}`;
    const listener = await joined(client(), topic);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const notJoined = client().channel(topic);
    expect(await notJoined.send({ type: 'broadcast', event: 'typing', payload: { senderId: 'u_1' } })).toBe('ok');
    warn.mockRestore();
    await waitFor(() => listener.received.length === 1, 'the REST broadcast');
    expect(listener.received[0]).toEqual({ type: 'broadcast', event: 'typing', payload: { senderId: 'u_1' } });
  });

  it('httpSend posts to /api/broadcast/<topic>/events/<event> and gets 202, JSON and binary', async () => {
    const topic = `conv:${await conversation()}`;
    const v2 = await joined(client('2.0.0'), topic);
    const v1 = await joined(client('1.0.0'), topic);
    const sender = client().channel(topic);
    expect(await sender.httpSend('cursor', { x: 1 })).toEqual({ success: true });
    expect(await sender.httpSend('bytes', new Uint8Array([1, 2, 255]).buffer)).toEqual({ success: true });
    expect(await sender.httpSend('cursor', { x: 2 })).toEqual({ success: true });
    await waitFor(() => v2.received.length === 3 && v1.received.length === 2, 'the broadcasts');
    expect(v2.received[0]).toEqual({ type: 'broadcast', event: 'cursor', payload: { x: 1 } });
    expect(new Uint8Array(v2.received[1]?.payload as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 255]));
    // vsn 1.0.0 reads only JSON text: raw bytes are not sent to it.
    expect(v1.received.map((r) => r.payload)).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('refuses a bad apikey, another tenant’s conversation, a server-only event and bad bodies', async () => {
    const conv = await conversation();
    const post = (path: string, body: unknown, apikey = ANON_KEY) =>
      fetch(`${server.url}/realtime/v1/api/broadcast${path}`, { method: 'POST', headers: { apikey, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      );
    const one = (topic: string, event = 'typing') => ({ messages: [{ topic, event, payload: {} }] });
    expect(await post('', one(`conv:${conv}`), 'nope')).toEqual({ status: 401, body: { error: 'invalid apikey' } });
    expect(await post('', one(`conv:${conv}`), OTHER_ANON_KEY)).toEqual({ status: 404, body: { error: 'conversation not found' } });
    expect(await post(`/conv:${conv}/events/typing`, {}, OTHER_ANON_KEY)).toEqual({ status: 404, body: { error: 'conversation not found' } });
    expect(await post('', one(`conv:${conv}`, 'message'))).toEqual({ status: 403, body: { error: "'message' on conv: channels comes from the server only" } });
    expect(await post('', 'not an object')).toEqual({ status: 400, body: { error: 'invalid json' } });
    expect(await post('', { messages: [] })).toEqual({ status: 400, body: { error: 'messages must be an array of 1 to 100' } });
    expect(await post('', one(''))).toEqual({ status: 400, body: { error: 'topic must be 1 to 246 bytes' } });
    expect(await post('', one(`conv:${conv}`))).toEqual({ status: 202, body: { message: 'Broadcasts sent' } });
  });
});
