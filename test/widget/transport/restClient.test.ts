// @vitest-environment node
// Real Node fetch against the real local server in this process; no XMLHttpRequest here,
// so upload takes its fetch path.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { startTestServer } from '../../server/helpers/testServer.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { isHttpError } from '../../../src/transport/errors/HttpError.ts';
import type { TinyChatApi } from '../../../src/transport/types.ts';

// The smallest valid PNG (1×1): the server checks the bytes, not only the declared type.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

let server: RunningServer;
let api: TinyChatApi;

beforeAll(async () => {
  server = await startTestServer();
  api = createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo' });
});
afterAll(async () => {
  await server?.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('should have rejected'),
    (e: unknown) => e,
  );
}

describe('createRestClient against the local server', () => {
  test('getConfig returns the tenant and its realtime endpoint', async () => {
    const config = await api.getConfig();
    expect(config.tenant.name).toBe('Acme Logistics');
    expect(config.realtime).toMatchObject({ supabase_url: server.url, channel_prefix: 'conv:' });
    expect(config.realtime.supabase_anon_key).toEqual(expect.any(String));
  });

  test('upsertUser creates, then updates without blanking the name', async () => {
    const created = await api.upsertUser({ user_id: 'u_rest_1', name: 'Ada', email: 'ada@example.com' });
    expect(created).toMatchObject({ user_id: 'u_rest_1', name: 'Ada', email: 'ada@example.com', role: 'customer' });
    const again = await api.upsertUser({ user_id: 'u_rest_1', role: 'driver' });
    expect(again).toMatchObject({ id: created.id, name: 'Ada', role: 'driver' });
  });

  test('conversations: get-or-create is idempotent on external_ref; list filters by kind', async () => {
    const a = await api.getOrCreateConversation({ kind: 'order', external_ref: 'order_rest_1', participants: ['u_rest_2', 'driver_1'] });
    const b = await api.getOrCreateConversation({ kind: 'order', external_ref: 'order_rest_1', participants: ['u_rest_2', 'someone_else'] });
    expect(b.id).toBe(a.id);
    expect(b.participants).toEqual(['u_rest_2', 'driver_1']);
    const support = await api.getOrCreateConversation({ kind: 'support', participants: ['u_rest_2', 'agent_1'] });
    expect((await api.listConversations('u_rest_2')).map((c) => c.id).sort()).toEqual([a.id, support.id].sort());
    expect((await api.listConversations('u_rest_2', 'support')).map((c) => c.id)).toEqual([support.id]);
    expect(await api.listConversations('u_nobody')).toEqual([]);
  });

  test('send, history pages (oldest first, before cursor), edit, remove', async () => {
    const conv = await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rest_3', 'u_rest_4'] });
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await api.send(conv.id, { sender_id: 'u_rest_3', body: `hello ${i}` }, `key-${conv.id}-${i}`));
    expect(sent[0]).toMatchObject({ conversation_id: conv.id, sender_id: 'u_rest_3', body: 'hello 0', message_type: 'text' });

    const newest = await api.history(conv.id, { limit: 3 });
    expect(newest.map((m) => m.body)).toEqual(['hello 2', 'hello 3', 'hello 4']);
    const older = await api.history(conv.id, { before: newest[0]!.created_at, limit: 3 });
    expect(older.map((m) => m.body)).toEqual(['hello 0', 'hello 1']);

    const reply = await api.send(conv.id, { sender_id: 'u_rest_4', body: 'reply', reply_to: sent[1]!.id }, `key-${conv.id}-reply`);
    expect(reply.reply_to).toBe(sent[1]!.id);

    const edited = await api.edit(conv.id, sent[4]!.id, 'u_rest_3', 'hello four');
    expect(edited).toMatchObject({ id: sent[4]!.id, body: 'hello four' });
    expect(edited?.edited_at).toEqual(expect.any(String));

    const removed = await api.remove(conv.id, sent[3]!.id, 'u_rest_3');
    expect(removed?.deleted_at).toEqual(expect.any(String));
    expect((await api.history(conv.id)).map((m) => m.body)).toEqual(['hello 0', 'hello 1', 'hello 2', 'hello four', 'reply']);

    // Only the sender may edit: a 403 with the server's sentence, not retried.
    const error = await rejection(api.edit(conv.id, sent[0]!.id, 'u_rest_4', 'not mine'));
    expect(isHttpError(error) && [error.status, error.message]).toEqual([403, 'only the sender can edit this message']);
  });

  test('the same Idempotency-Key twice gives one message', async () => {
    const conv = await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rest_5', 'u_rest_6'] });
    const first = await api.send(conv.id, { sender_id: 'u_rest_5', body: 'once' }, 'same-key');
    const second = await api.send(conv.id, { sender_id: 'u_rest_5', body: 'once' }, 'same-key');
    expect(second.id).toBe(first.id);
    expect(await api.history(conv.id)).toHaveLength(1);
  });

  test('typing resolves with nothing', async () => {
    const conv = await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rest_7', 'u_rest_8'] });
    await expect(api.typing(conv.id, 'u_rest_7', 'Ada')).resolves.toBeUndefined();
    await expect(api.typing(conv.id, 'u_rest_7')).resolves.toBeUndefined();
  });

  test('upload sends the multipart field "file" and the URL serves the image; an image message can use it', async () => {
    const conv = await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rest_9', 'u_rest_10'] });
    const progress: number[] = [];
    const result = await api.upload(conv.id, new File([PNG], 'dot.png', { type: 'image/png' }), (f) => progress.push(f));
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\.png$/);
    expect(result.path).toContain(conv.id);
    expect(progress).toEqual([1]);
    const served = await fetch(result.url);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    const image = await api.send(conv.id, { sender_id: 'u_rest_9', message_type: 'image', media_url: result.url }, `img-${conv.id}`);
    expect(image).toMatchObject({ message_type: 'image', media_url: result.url });

    // A bare Blob gets a file name, so the server still sees a file part.
    await expect(api.upload(conv.id, new Blob([PNG], { type: 'image/png' }))).resolves.toMatchObject({ url: expect.any(String) });
  });

  test('the seed error rows come back as HttpError with status and the server sentence', async () => {
    const conv = await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rest_11', 'u_rest_12'] });
    // Thunks, so each promise is awaited as soon as it exists (no rejection sits unhandled).
    const cases: [() => Promise<unknown>, number, string][] = [
      [() => api.history('no-such-conversation'), 404, 'conversation not found'],
      [() => api.send(conv.id, { sender_id: 'u_rest_11' }, 'k-400'), 400, 'body is required'],
      [() => api.upload(conv.id, new File(['plain text'], 'a.txt', { type: 'text/plain' })), 415, 'unsupported mime: text/plain'],
      [() => createRestClient({ baseUrl: server.url, apiKey: 'pk_test_doesnotexist' }).getConfig(), 401, 'invalid api key'],
    ];
    for (const [call, status, message] of cases) {
      const error = await rejection(call());
      expect(isHttpError(error) && { status: error.status, message: error.message, body: error.body }).toEqual({ status, message, body: { error: message } });
    }
  });

  test('an upload over 10 MB is a 413 with the seed sentence', async () => {
    const conv = await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rest_13', 'u_rest_14'] });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    const error = await rejection(api.upload(conv.id, new File([big], 'big.png', { type: 'image/png' })));
    expect(isHttpError(error) && [error.status, error.message]).toEqual([413, 'file too large (>10 MB)']);
  });
});
