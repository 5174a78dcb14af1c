import { RealtimeClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer.ts';
import { joined, realtimeClient } from './helpers/realtimeClient.ts';
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

async function conversation(): Promise<string> {
  const res = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42', 'agent_7'] } });
  return res.body.conversation.id as string;
}

describe.each(['2.0.0', '1.0.0'] as const)('REST changes reach subscribers (vsn %s)', (vsn) => {
  it('delivers message on send, edit and delete, and typing, with the URL and key /v1/config gives out', async () => {
    const { body: config } = await server.api('/v1/config');
    const client = realtimeClient(config.realtime.supabase_url, config.realtime.supabase_anon_key, { vsn });
    clients.push(client);
    const id = await conversation();
    const sub = await joined(client, `${config.realtime.channel_prefix}${id}`);

    const sent = await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'Hi, where is my order?' } });
    expect(sent.status).toBe(201);
    await waitFor(() => sub.received.length === 1, 'the new message');
    expect(sub.received[0]).toEqual({ type: 'broadcast', event: 'message', payload: { message: sent.body.message } });

    const msgId = sent.body.message.id as string;
    const edited = await server.api(`/v1/conversations/${id}/messages/${msgId}`, { method: 'PATCH', json: { sender_id: 'u_42', body: 'Where IS it?' } });
    await waitFor(() => sub.received.length === 2, 'the edit');
    expect(sub.received[1]?.payload).toEqual({ message: edited.body.message });
    expect(sub.received[1]?.payload.message.edited_at).not.toBeNull();

    const deleted = await server.api(`/v1/conversations/${id}/messages/${msgId}`, { method: 'DELETE', json: { sender_id: 'u_42' } });
    await waitFor(() => sub.received.length === 3, 'the delete');
    expect(sub.received[2]?.payload.message).toMatchObject({ id: msgId, body: null, deleted_at: deleted.body.message.deleted_at });

    await server.api(`/v1/conversations/${id}/typing`, { method: 'POST', json: { sender_id: 'u_42', sender_name: 'Ada' } });
    await waitFor(() => sub.received.length === 4, 'typing');
    expect(sub.received[3]).toEqual({ type: 'broadcast', event: 'typing', payload: { senderId: 'u_42', senderName: 'Ada' } });
  });

  it('keeps conversations apart: a subscriber hears only its own channel', async () => {
    const client = realtimeClient(server.url, undefined, { vsn });
    clients.push(client);
    const [a, b] = [await conversation(), await conversation()];
    const subA = await joined(client, `conv:${a}`);
    const subB = await joined(client, `conv:${b}`);
    await server.api(`/v1/conversations/${a}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'for a' } });
    await server.api(`/v1/conversations/${b}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'for b' } });
    await waitFor(() => subA.received.length === 1 && subB.received.length === 1, 'one message each');
    expect(subA.received[0]?.payload.message.body).toBe('for a');
    expect(subB.received[0]?.payload.message.body).toBe('for b');
  });
});

describe('RealtimeClient alone (what the widget loads instead of createClient)', () => {
  it('connects to <supabase_url as ws>/realtime/v1 with params.apikey and receives messages', async () => {
    const { body: config } = await server.api('/v1/config');
    const endpoint = `${config.realtime.supabase_url.replace(/^http/, 'ws')}/realtime/v1`;
    const client = new RealtimeClient(endpoint, { params: { apikey: config.realtime.supabase_anon_key }, transport: WebSocket as unknown as typeof globalThis.WebSocket });
    try {
      const id = await conversation();
      const received: unknown[] = [];
      const channel = client.channel(`conv:${id}`, { config: { broadcast: { self: false, ack: false } } });
      channel.on('broadcast', { event: 'message' }, (m) => void received.push(m.payload));
      await new Promise<void>((resolve) => channel.subscribe((status) => status === 'SUBSCRIBED' && resolve()));
      const sent = await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: 'hello widget' } });
      await waitFor(() => received.length === 1, 'the message');
      expect(received[0]).toEqual({ message: sent.body.message });
    } finally {
      void client.disconnect();
    }
  });
});
