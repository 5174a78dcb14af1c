import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/helpers/testServer.ts';
import { rawSocket } from './helpers/rawSocket.ts';
import { watch } from './helpers/realtimeClient.ts';
import { waitFor } from './helpers/waitFor.ts';

const SECRET = 'tc_id_secret_demo';
const SECURE_ANON = 'rt_anon_secure';

const token = (sub: string, exp: string | number = '1h') =>
  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(exp).sign(new TextEncoder().encode(SECRET));

/**
 * The unmodified supabase-js client with a user token, as its docs show for third-party auth (`accessToken`);
 * `setAuth()` first, or the first join goes out before the token is fetched.
 */
async function clientWithToken(url: string, getToken: () => Promise<string | null>): Promise<SupabaseClient> {
  const client = createClient(url, SECURE_ANON, {
    accessToken: getToken,
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket, reconnectAfterMs: () => 100 },
  });
  clients.push(client);
  await client.realtime.setAuth();
  return client;
}

let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: SupabaseClient[] = [];
let conv: string;
let adaToken: string;
beforeAll(async () => {
  server = await startTestServer({ realtimeSettings: { maxSocketsPerAddress: 8, clientEvents: { limit: 30, windowMs: 60_000 } } });
  adaToken = await token('u_ada');
  const res = await server.api('/v1/conversations', {
    method: 'POST',
    key: 'pk_test_secure',
    headers: { 'x-tinychat-user-token': adaToken },
    json: { kind: 'support', participants: ['u_ada', 'support'] },
  });
  conv = res.body.conversation.id;
});
afterAll(async () => {
  clients.forEach((c) => void c.realtime.disconnect());
  await server.close();
});

describe('conv: joins on a tenant in required mode', () => {
  it('lets a participant with a valid token join and hear the conversation live', async () => {
    const client = await clientWithToken(server.url, async () => adaToken);
    const sub = watch(client, `conv:${conv}`);
    await sub.subscribed();
    const sent = await server.api(`/v1/conversations/${conv}/messages`, {
      method: 'POST',
      key: 'pk_test_secure',
      headers: { 'x-tinychat-user-token': await token('support') },
      json: { sender_id: 'support', body: 'Hello Ada' },
    });
    expect(sent.status).toBe(201);
    await waitFor(() => sub.received.some((r) => r.event === 'message'), 'the message');
    expect(sub.received.find((r) => r.event === 'message')?.payload.message.body).toBe('Hello Ada');
  });

  it('refuses a join without a token, with a wrong or expired one, and one of a user who is no participant', async () => {
    const raw = await rawSocket(server.url, SECURE_ANON);
    const join = (ref: string, access_token?: string) => {
      raw.send([ref, ref, `realtime:conv:${conv}`, 'phx_join', { config: {}, ...(access_token === undefined ? {} : { access_token }) }]);
    };
    const reasons = async (ref: string) => {
      await waitFor(() => raw.frames.some((f) => Array.isArray(f) && f[1] === ref), `reply ${ref}`);
      const frame = raw.frames.find((f) => Array.isArray(f) && f[1] === ref) as [string, string, string, string, { status: string; response: { reason?: string } }];
      return frame[4].response.reason ?? frame[4].status;
    };
    join('1');
    join('2', SECURE_ANON); // the anon key, as supabase-js sends it without a session, is no user token
    join('3', 'forged.token.here');
    join('4', await token('u_ada', Math.floor(Date.now() / 1000) - 10));
    join('5', await token('u_mallory'));
    expect(await reasons('1')).toBe('user token required: join with a signed user token as access_token');
    expect(await reasons('2')).toBe('user token required: join with a signed user token as access_token');
    expect(await reasons('3')).toMatch(/^invalid user token/);
    expect(await reasons('4')).toBe('user token has expired: ask for a new one');
    expect(await reasons('5')).toBe('you are not a participant of this conversation');
    join('6', adaToken);
    expect(await reasons('6')).toBe('ok');
    raw.ws.close();
  });

  it('gives the supabase-js client CHANNEL_ERROR with the reason when its token is refused', async () => {
    const client = await clientWithToken(server.url, async () => token('u_mallory'));
    const sub = watch(client, `conv:${conv}`);
    await waitFor(() => sub.statuses.length > 0, 'a status');
    expect(sub.statuses[0]).toBe('CHANNEL_ERROR: you are not a participant of this conversation');
    void client.realtime.disconnect();
    // The first join already carried the token: the participant is SUBSCRIBED at the first attempt.
    const ada = await clientWithToken(server.url, async () => adaToken);
    const ok = watch(ada, `conv:${conv}`);
    await ok.subscribed();
    expect(ok.statuses).toEqual(['SUBSCRIBED']);
  });

  it('takes a refreshed token on a joined channel, and errors the channel for a token that would not let it join', async () => {
    const raw = await rawSocket(server.url, SECURE_ANON);
    expect((await raw.join(`conv:${conv}`, '1', {})).status).toBe('error'); // no token
    raw.send(['2', '2', `realtime:conv:${conv}`, 'phx_join', { config: {}, access_token: adaToken }]);
    await waitFor(() => raw.frames.some((f) => Array.isArray(f) && f[1] === '2'), 'join reply');
    raw.send(['2', '3', `realtime:conv:${conv}`, 'access_token', { access_token: await token('u_ada', '2h') }]);
    raw.send(['2', '4', `realtime:conv:${conv}`, 'access_token', { access_token: await token('u_mallory') }]);
    await waitFor(() => raw.frames.some((f) => Array.isArray(f) && f[3] === 'phx_error'), 'phx_error');
    expect(raw.frames.filter((f) => Array.isArray(f) && f[3] === 'phx_error')).toEqual([['2', null, `realtime:conv:${conv}`, 'phx_error', {}]]);
    raw.ws.close();
  });

  it('errors a channel once the token it joined with expires, so the client rejoins with a fresh one', async () => {
    const raw = await rawSocket(server.url, SECURE_ANON);
    const soon = await token('u_ada', Math.floor(Date.now() / 1000) + 2);
    raw.send(['1', '1', `realtime:conv:${conv}`, 'phx_join', { config: {}, access_token: soon }]);
    await waitFor(() => raw.frames.some((f) => Array.isArray(f) && f[3] === 'phx_error'), 'phx_error at expiry', 20_000);
    raw.ws.close();
  });

  it("checks a REST broadcast's Bearer token as a join's", async () => {
    const send = (bearer: string) =>
      fetch(`${server.url}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: SECURE_ANON, authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ topic: `conv:${conv}`, event: 'typing', payload: { senderId: 'u_ada' } }] }),
      });
    expect((await send(SECURE_ANON)).status).toBe(401);
    expect((await send(await token('u_mallory'))).status).toBe(403);
    expect((await send(adaToken)).status).toBe(202);
  });
});

describe('realtime abuse limits', () => {
  it('refuses joins past 100 channels on one socket, and events past the per-socket rate', async () => {
    const limited = await startTestServer();
    try {
      const raw = await rawSocket(limited.url, 'rt_anon_demo');
      for (let i = 0; i < 101; i++) raw.send([String(i), String(i), `realtime:room${i}`, 'phx_join', { config: {} }]);
      await waitFor(() => raw.frames.length >= 101, '101 replies');
      const replies = raw.frames as [string, string, string, string, { status: string; response: { reason?: string } }][];
      expect(replies.filter((f) => f[4].status === 'ok')).toHaveLength(100);
      expect(replies.find((f) => f[1] === '100')?.[4]).toEqual({ status: 'error', response: { reason: 'too many channels on one connection (at most 100)' } });
      raw.ws.close();
    } finally {
      await limited.close();
    }
    // This file's server: 30 events a minute per socket.
    const raw = await rawSocket(server.url, 'rt_anon_demo');
    for (let i = 0; i < 35; i++) raw.send(['1', `e${i}`, 'realtime:lobby', i === 0 ? 'phx_join' : 'phx_leave', { config: {} }]);
    await waitFor(() => raw.frames.length >= 35, 'replies');
    const errors = (raw.frames as [string, string, string, string, { status: string; response: { reason?: string } }][]).filter((f) => f[4].status === 'error');
    expect(errors.map((f) => f[1])).toEqual(['e30', 'e31', 'e32', 'e33', 'e34']);
    expect(errors[0]?.[4].response.reason).toBe('too many events: at most 30 every 60 s on one connection');
    // Heartbeats are never counted: the socket stays usable.
    raw.send([null, 'hb', 'phoenix', 'heartbeat', {}]);
    await waitFor(() => raw.frames.some((f) => Array.isArray(f) && f[1] === 'hb'), 'heartbeat reply');
    raw.ws.close();
  });

  it('caps sockets per IP address with 429, and frees the slot when one closes', async () => {
    // Sockets of earlier tests may still be closing: open until refused, which must happen by the 8th.
    const open: Awaited<ReturnType<typeof rawSocket>>[] = [];
    let refused: unknown;
    while (refused === undefined && open.length <= 8) {
      await rawSocket(server.url, 'rt_anon_demo').then(
        (s) => open.push(s),
        (e: unknown) => (refused = e),
      );
    }
    expect(open.length).toBeLessThanOrEqual(8);
    expect(refused).toMatchObject({ status: 429, body: '{"message":"too many connections from one address (at most 8)"}' });
    open[0]?.ws.close();
    await waitFor(async () => {
      try {
        (await rawSocket(server.url, 'rt_anon_demo')).ws.close();
        return true;
      } catch {
        return false;
      }
    }, 'a free slot');
    open.forEach((s) => s.ws.close());
    await waitFor(() => server.realtimeStats().connections <= 4, 'the sockets closed');
  });

  it('keeps typing broadcasts small on conv: channels', async () => {
    const demoConv = (await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_1'] } })).body.conversation.id;
    const raw = await rawSocket(server.url, 'rt_anon_demo');
    expect((await raw.join(`conv:${demoConv}`, '1', { ack: true })).status).toBe('ok');
    expect(await raw.push(`conv:${demoConv}`, 'typing', { senderId: 'u_1', senderName: 'Ada' }, 'p1')).toEqual({ status: 'ok', response: {} });
    expect(await raw.push(`conv:${demoConv}`, 'typing', { senderId: 'u_1', senderName: 'x'.repeat(2000) }, 'p2')).toEqual({
      status: 'error',
      response: { reason: 'typing payloads are at most 1024 bytes' },
    });
    raw.ws.close();
    const rest = await server.api(`/v1/conversations/${demoConv}/typing`, { method: 'POST', json: { sender_id: 'u_1', sender_name: 'x'.repeat(101) } });
    expect([rest.status, rest.body.error]).toEqual([400, 'sender_name must be at most 100 characters']);
  });
});
