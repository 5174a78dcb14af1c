import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer.ts';
import { ANON_KEY, joined, OTHER_ANON_KEY, realtimeClient } from './helpers/realtimeClient.ts';
import { waitFor } from './helpers/waitFor.ts';

/** A user's own channel (`user:<id>`) and the `read` event, over the real server with the unmodified client. */
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: SupabaseClient[] = [];
const client = (key = ANON_KEY) => {
  const c = realtimeClient(server.url, key);
  clients.push(c);
  return c;
};
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await server.close();
});

describe('user channels and read events', () => {
  it("brings a new conversation's id to its participants' channels of that tenant only, and a read to the conversation's channel", async () => {
    const mine = await joined(client(), 'user:u_chan');
    const sameNameOtherTenant = await joined(client(OTHER_ANON_KEY), 'user:u_chan');
    const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_chan', 'support'] } });
    const conv = created.body.conversation.id as string;
    await waitFor(() => mine.received.length === 1, 'the conversation event');
    expect(mine.received[0]).toEqual({ type: 'broadcast', event: 'conversation', payload: { conversation_id: conv } });

    const channel = await joined(client(), `conv:${conv}`);
    const sent = await server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_chan', body: 'Hi' } });
    await waitFor(() => mine.received.length === 2, 'the message event on the user channel');
    const read = await server.api(`/v1/conversations/${conv}/read`, { method: 'POST', json: { user_id: 'support', message_id: sent.body.message.id } });
    expect(read.status).toBe(200);
    await waitFor(() => channel.received.some((r) => r.event === 'read'), 'the read event');
    expect(channel.received.find((r) => r.event === 'read')?.payload).toEqual({ ...read.body.read, unread_count: 0 });
    expect(sameNameOtherTenant.received).toEqual([]);
  });

  it("refuses a client's own read events and anything pushed on a user channel", async () => {
    const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_fake'] } });
    const conv = created.body.conversation.id as string;
    const post = (topic: string, event: string) =>
      fetch(`${server.url}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ topic, event, payload: {} }] }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await post(`conv:${conv}`, 'READ')).toEqual({ status: 403, body: { error: "'read' on conv: channels comes from the server only" } });
    expect(await post('user:u_fake', 'conversation')).toEqual({ status: 403, body: { error: "user: channels carry the server's events only" } });

    const listener = await joined(client(), 'user:u_fake');
    const pusher = await joined(client(), 'user:u_fake', { ack: true });
    expect(await pusher.channel.send({ type: 'broadcast', event: 'conversation', payload: { conversation_id: 'c_fake' } })).toBe('error');
    const onConv = await joined(client(), `conv:${conv}`, { ack: true });
    expect(await onConv.channel.send({ type: 'broadcast', event: 'read', payload: { user_id: 'x' } })).toBe('error');
    expect(listener.received).toEqual([]);
  });
});
