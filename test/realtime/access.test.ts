import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_KEY, startTestServer } from '../server/helpers/testServer.ts';
import { ANON_KEY, OTHER_ANON_KEY, realtimeClient, watch } from './helpers/realtimeClient.ts';
import { rawSocket } from './helpers/rawSocket.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: SupabaseClient[] = [];
let conv: string;
beforeAll(async () => {
  server = await startTestServer({ realtimeSettings: { heartbeatTimeoutMs: 400 } });
  const res = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } });
  conv = res.body.conversation.id;
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await server.close();
});

describe('who may connect and join', () => {
  it('refuses the socket of an unknown or missing apikey with 403, as the real server does', async () => {
    await expect(rawSocket(server.url, 'pk_test_demo')).rejects.toMatchObject({ status: 403, body: '{"message":"invalid apikey"}' });
    await expect(rawSocket(server.url, '')).rejects.toMatchObject({ status: 403, body: '{"message":"apikey is required"}' });
  });

  it('gives the supabase-js client CHANNEL_ERROR for a bad apikey, never SUBSCRIBED', async () => {
    const client = realtimeClient(server.url, 'not_a_key', { reconnectAfterMs: () => 50 });
    clients.push(client);
    const sub = watch(client, `conv:${conv}`);
    await waitFor(() => sub.statuses.length > 0, 'a status');
    // The client reports the refused socket once, then keeps retrying it in the background.
    expect(sub.statuses).toEqual([expect.stringMatching(/^CHANNEL_ERROR/)]);
  });

  it("refuses joining another tenant's conversation, and an unknown one, with a reason", async () => {
    const other = realtimeClient(server.url, OTHER_ANON_KEY);
    clients.push(other);
    const sub = watch(other, `conv:${conv}`);
    await waitFor(() => sub.statuses.length > 0, 'a status');
    expect(sub.statuses[0]).toBe('CHANNEL_ERROR: conversation not found');

    const raw = await rawSocket(server.url, ANON_KEY);
    expect(await raw.join('conv:c_does_not_exist')).toEqual({ status: 'error', response: { reason: 'conversation not found' } });
    expect(await raw.join(`conv:${conv}`, '2')).toEqual({ status: 'ok', response: { postgres_changes: [] } });
    raw.ws.close();
  });

  it("lets the other tenant's own conversation be joined with its own key", async () => {
    const res = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['x'] }, key: OTHER_KEY });
    const raw = await rawSocket(server.url, OTHER_ANON_KEY);
    expect((await raw.join(`conv:${res.body.conversation.id}`)).status).toBe('ok');
    raw.ws.close();
  });

  it('refuses postgres_changes (broadcast only) and topics without the realtime: prefix', async () => {
    const raw = await rawSocket(server.url, ANON_KEY);
    raw.send(['1', '1', `realtime:conv:${conv}`, 'phx_join', { config: { postgres_changes: [{ event: '*', schema: 'public' }] } }]);
    raw.send(['2', '2', `conv:${conv}`, 'phx_join', { config: {} }]);
    await waitFor(() => raw.frames.length === 2, 'two replies');
    expect(raw.frames).toEqual([
      ['1', '1', `realtime:conv:${conv}`, 'phx_reply', { status: 'error', response: { reason: 'postgres_changes are not supported by this server (broadcast only)' } }],
      ['2', '2', `conv:${conv}`, 'phx_reply', { status: 'error', response: { reason: 'topic must be realtime:<channel>' } }],
    ]);
    raw.ws.close();
  });
});

describe('joining a topic again on the same socket', () => {
  it('closes the earlier join (phx_close with its join_ref) and delivers once, to the new one', async () => {
    const raw = await rawSocket(server.url, ANON_KEY);
    raw.send(['1', '1', `realtime:conv:${conv}`, 'phx_join', { config: {} }]);
    raw.send(['3', '3', `realtime:conv:${conv}`, 'phx_join', { config: {} }]);
    await waitFor(() => raw.frames.length === 3, 'two replies and a close');
    expect(raw.frames).toEqual([
      ['1', '1', `realtime:conv:${conv}`, 'phx_reply', { status: 'ok', response: { postgres_changes: [] } }],
      ['1', null, `realtime:conv:${conv}`, 'phx_close', {}],
      ['3', '3', `realtime:conv:${conv}`, 'phx_reply', { status: 'ok', response: { postgres_changes: [] } }],
    ]);
    await server.api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u_42' } });
    raw.send([null, '9', 'phoenix', 'heartbeat', {}]);
    await waitFor(() => raw.frames.length === 5, 'the typing broadcast and the heartbeat reply');
    // One kind 4 frame (not two): [4][topicLen][eventLen][metaLen = 0][encoding = 1 JSON] topic event payload.
    const topic = `realtime:conv:${conv}`;
    const payload = JSON.stringify({ senderId: 'u_42', senderName: null });
    expect(raw.frames[3]).toEqual(Buffer.concat([Buffer.from([4, topic.length, 6, 0, 1]), Buffer.from(topic + 'typing' + payload)]));
    expect(raw.frames[4]).toEqual([null, '9', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    raw.ws.close();
  });
});

describe('heartbeats', () => {
  it('answers each heartbeat and keeps a socket that sends them', async () => {
    const raw = await rawSocket(server.url, ANON_KEY);
    // 12 heartbeats 100 ms apart outlast the 400 ms timeout several times over.
    for (let i = 1; i <= 12; i++) {
      raw.send([null, String(i), 'phoenix', 'heartbeat', {}]);
      await waitFor(() => raw.frames.length === i, `heartbeat reply ${i}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(raw.frames.at(-1)).toEqual([null, '12', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    expect(raw.closed).toBeUndefined();
    raw.ws.close();
  });

  it('closes a socket that sends nothing for the timeout', async () => {
    const raw = await rawSocket(server.url, ANON_KEY);
    await raw.join(`conv:${conv}`);
    await waitFor(() => raw.closed !== undefined, 'the server to close the silent socket');
    expect(raw.closed).toEqual({ code: 1000, reason: 'heartbeat timeout' });
  });
});

describe('leaving and unknown topics', () => {
  it('replies ok to phx_leave and stops delivering to that channel; other pushes to it are unmatched', async () => {
    const raw = await rawSocket(server.url, ANON_KEY);
    await raw.join(`conv:${conv}`);
    raw.send(['1', '5', `realtime:conv:${conv}`, 'phx_leave', {}]);
    raw.send(['1', '6', `realtime:conv:${conv}`, 'broadcast', { type: 'broadcast', event: 'ping', payload: {} }]);
    await waitFor(() => raw.frames.length === 3, 'two replies');
    expect(raw.frames.slice(1)).toEqual([
      ['1', '5', `realtime:conv:${conv}`, 'phx_reply', { status: 'ok', response: {} }],
      ['1', '6', `realtime:conv:${conv}`, 'phx_reply', { status: 'error', response: { reason: 'unmatched topic' } }],
    ]);
    // A REST send now reaches nobody on this socket: a heartbeat reply is the next frame it sees.
    await server.api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u_42' } });
    raw.send([null, '7', 'phoenix', 'heartbeat', {}]);
    await waitFor(() => raw.frames.length === 4, 'the heartbeat reply');
    expect(raw.frames[3]).toEqual([null, '7', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    raw.ws.close();
  });
});
