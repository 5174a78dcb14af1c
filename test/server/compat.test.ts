import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compatFromEnv } from '../../server/compat/Compat.ts';
import { startTestServer } from './helpers/testServer.ts';

type Started = Awaited<ReturnType<typeof startTestServer>>;
let hosted: Started;
let ours: Started;
beforeAll(async () => {
  [hosted, ours] = await Promise.all([startTestServer({ compat: 'hosted' }), startTestServer({ compat: 'default' })]);
});
afterAll(() => Promise.all([hosted.close(), ours.close()]));

const preflight = (base: string, path: string, headers: string) =>
  fetch(base + path, {
    method: 'OPTIONS',
    headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });

async function thread(server: Started) {
  const { body } = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_compat', 'agent_1'] } });
  return body.conversation.id as string;
}

describe('TINYCHAT_COMPAT', () => {
  it('is hosted, default or unset; anything else stops the start with a sentence', () => {
    expect(compatFromEnv({})).toBe('default');
    expect(compatFromEnv({ TINYCHAT_COMPAT: '' })).toBe('default');
    expect(compatFromEnv({ TINYCHAT_COMPAT: 'hosted' })).toBe('hosted');
    expect(compatFromEnv({ TINYCHAT_COMPAT: 'HOSTED' })).toBe('hosted');
    expect(() => compatFromEnv({ TINYCHAT_COMPAT: 'host' })).toThrow(/TINYCHAT_COMPAT must be "hosted"/);
  });
});

describe('hosted mode: exactly the seed surface', () => {
  it('/v1/config has only the seed fields', async () => {
    const { status, body } = await hosted.api('/v1/config');
    expect(status).toBe(200);
    expect(body).toStrictEqual({
      tenant: { id: '11111111-2222-3333-4444-555555555555', name: 'Acme Logistics' },
      realtime: { supabase_url: hosted.url, supabase_anon_key: expect.any(String), channel_prefix: 'conv:' },
    });
  });

  it('allows exactly content-type, x-tinychat-api-key on REST, and nothing else', async () => {
    const ok = await preflight(hosted.url, '/v1/conversations/c_x/messages', 'content-type,x-tinychat-api-key');
    expect(ok.headers.get('access-control-allow-headers')).toBe('content-type,x-tinychat-api-key');
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,POST,PATCH,DELETE,OPTIONS');
    expect(ok.headers.get('access-control-max-age')).toBeNull();
    const extra = await preflight(hosted.url, '/v1/conversations/c_x/messages', 'content-type,idempotency-key,x-tinychat-api-key');
    expect(extra.headers.get('access-control-allow-headers')).toBe('content-type,x-tinychat-api-key');
  });

  it('keeps the agent route CORS its own seed gives', async () => {
    const res = await preflight(hosted.url, '/v1/chat/completions', 'content-type,api-key');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,api-key');
  });

  it("keeps the agent's errors to the seed's {code, message}", async () => {
    const res = await fetch(`${hosted.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ botId: 'demo-bot', model: 'gpt-5', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toStrictEqual({ code: 403, message: expect.stringContaining('gpt-5') });
  });

  it('ignores Idempotency-Key: two sends are two messages, no Idempotent-Replayed', async () => {
    const id = await thread(hosted);
    const send = () => hosted.api(`/v1/conversations/${id}/messages`, { method: 'POST', headers: { 'idempotency-key': 'k1' }, json: { sender_id: 'u_compat', body: 'same' } });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.message.id).not.toBe(first.body.message.id);
    const history = await hosted.api(`/v1/conversations/${id}/messages`);
    expect(history.body.messages.map((m: { body: string }) => m.body)).toEqual(['same', 'same']);
  });

  it('serves only the documented fields of sends, history, edits and conversations', async () => {
    const id = await thread(hosted);
    const sent = await hosted.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_compat', body: 'hi', receiver_id: 'agent_1' } });
    expect(Object.keys(sent.body.message).sort()).toEqual(['body', 'conversation_id', 'created_at', 'id', 'message_type', 'sender_id']);
    const history = await hosted.api(`/v1/conversations/${id}/messages`);
    expect(Object.keys(history.body.messages[0]).sort()).toEqual([
      'body',
      'conversation_id',
      'created_at',
      'deleted_at',
      'edited_at',
      'id',
      'media_url',
      'message_type',
      'reply_to',
      'sender_id',
    ]);
    const edited = await hosted.api(`/v1/conversations/${id}/messages/${sent.body.message.id}`, { method: 'PATCH', json: { sender_id: 'u_compat', body: 'hi!' } });
    expect(edited.body.message).not.toHaveProperty('receiver_id');
    const list = await hosted.api('/v1/conversations?user_id=u_compat');
    expect(Object.keys(list.body.conversations[0]).sort()).toEqual(['external_ref', 'id', 'kind', 'last_at', 'last_message', 'participants', 'tenant_id']);
    const made = await hosted.api('/v1/conversations', { method: 'POST', json: { kind: 'order', external_ref: 'o_1', participants: ['u_compat'] } });
    expect(Object.keys(made.body.conversation).sort()).toEqual(['external_ref', 'id', 'kind', 'last_at', 'participants', 'tenant_id']);
  });
});

describe('default mode: our extensions, each advertised', () => {
  it('lists features in /v1/config and allows Idempotency-Key', async () => {
    const { body } = await ours.api('/v1/config');
    expect(body.features).toEqual(expect.arrayContaining(['idempotency_key', 'agent_health', 'message_fields']));
    expect(body.agent).toMatchObject({ healthy: true });
    const res = await preflight(ours.url, '/v1/conversations/c_x/messages', 'content-type,idempotency-key,x-tinychat-api-key');
    // x-tinychat-user-token: signed identity's header (an extension too).
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-tinychat-api-key,idempotency-key,x-tinychat-user-token');
  });

  it('replays a repeated Idempotency-Key as the first message', async () => {
    const id = await thread(ours);
    const send = () => ours.api(`/v1/conversations/${id}/messages`, { method: 'POST', headers: { 'idempotency-key': 'k1' }, json: { sender_id: 'u_compat', body: 'once' } });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.message.id).toBe(first.body.message.id);
    expect(first.body.message).toHaveProperty('receiver_id');
  });
});
