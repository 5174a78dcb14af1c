// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { say } from '../../../src/i18n/sentence.ts';
import { browserStorage, makeStore, until } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const sendsTo = (url: string) => /\/v1\/conversations\/[^/]+\/messages$/.test(new URL(url).pathname);

async function serverHistory(conversationId: string) {
  const res = await server.api(`/v1/conversations/${conversationId}/messages?limit=200`);
  return res.body.messages as { id: string; body: string; sender_id: string }[];
}

describe('the store over the real server', () => {
  it('starts, creates a conversation, and shows a send as pending, then sent, once', async () => {
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_1', 'user-name': 'Ada' } });
    await until(() => store.status.value === 'ready', 'ready');
    expect(store.conversations.value).toEqual([]);
    await store.startConversation();
    const thread = store.thread.value;
    expect(thread).not.toBeNull();
    await until(() => thread?.ready.value, 'first page');
    thread?.send('  hello from the store  ');
    expect(thread?.items.value.map((i) => [i.message.body, i.status])).toEqual([['hello from the store', 'pending']]);
    const pendingKey = thread?.items.value[0]?.key;
    await until(() => thread?.items.value[0]?.status === 'sent', 'sent');
    const stored = await serverHistory(thread?.conversationId ?? '');
    expect(stored.map((m) => [m.body, m.sender_id])).toEqual([['hello from the store', 'u_store_1']]);
    // The row keeps its key from pending to sent; the message is the server's.
    expect(thread?.items.value.map((i) => [i.key, i.message.id])).toEqual([[pendingKey, stored[0]?.id]]);
    const user = await server.api('/v1/conversations?user_id=u_store_1');
    expect(user.body.conversations).toHaveLength(1);
    store.dispose();
  });

  it('sends once when the server got the message but its answer was lost', async () => {
    let dropped = 0;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (init?.method === 'POST' && sendsTo(String(input)) && dropped === 0) {
        dropped += 1;
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_2' }, fetch: lossy });
    await until(() => store.status.value === 'ready', 'ready');
    await store.startConversation();
    const thread = store.thread.value;
    thread?.send('only once please');
    await until(() => thread?.items.value[0]?.status === 'sent', 'sent');
    expect(dropped).toBe(1);
    const stored = await serverHistory(thread?.conversationId ?? '');
    expect(stored.map((m) => m.body)).toEqual(['only once please']);
    expect(thread?.items.value).toHaveLength(1);
    store.dispose();
  });

  it('keeps a message written offline through a reload and delivers it exactly once', async () => {
    const storage = browserStorage();
    let offline = true;
    const flaky: typeof fetch = (input, init) =>
      offline && init?.method === 'POST' && sendsTo(String(input)) ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const first = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_3' }, fetch: flaky, storage });
    await until(() => first.store.status.value === 'ready', 'ready');
    await first.store.startConversation();
    first.store.open();
    const conversationId = first.store.thread.value?.conversationId ?? '';
    first.store.thread.value?.send('written offline');
    await until(() => first.store.thread.value?.items.value[0]?.status === 'pending', 'pending');
    first.store.dispose();
    expect(await serverHistory(conversationId)).toEqual([]);

    // The reload: same browser storage, the network is back.
    offline = false;
    const second = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_3' }, storage });
    await until(() => second.store.status.value === 'ready', 'ready again');
    expect(second.store.isOpen.value).toBe(true);
    await until(() => second.store.thread.value?.items.value[0]?.status === 'sent', 'delivered after the reload');
    expect(second.store.thread.value?.conversationId).toBe(conversationId);
    expect((await serverHistory(conversationId)).map((m) => m.body)).toEqual(['written offline']);
    expect(second.store.thread.value?.items.value).toHaveLength(1);
    second.store.dispose();
  });

  it('pages back through history and holds every message exactly once, in order', async () => {
    const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', external_ref: 'paging', participants: ['u_store_4', 'support'] } });
    const id = created.body.conversation.id as string;
    for (let i = 0; i < 120; i += 1) await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: i % 2 ? 'support' : 'u_store_4', body: `m${i}` } });
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_4' } });
    await until(() => store.status.value === 'ready', 'ready');
    store.openConversation(id);
    const thread = store.thread.value;
    await until(() => thread?.ready.value, 'first page');
    expect(thread?.items.value).toHaveLength(50);
    while (thread?.hasMore.value) await thread.loadOlder();
    const bodies = thread?.items.value.map((i) => i.message.body);
    expect(bodies).toEqual(Array.from({ length: 120 }, (_, i) => `m${i}`));
    expect(new Set(thread?.items.value.map((i) => i.key)).size).toBe(120);
    store.dispose();
  });

  it('backfills what was sent while away, once, and counts it as unread while the panel is closed', async () => {
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_5' } });
    await until(() => store.status.value === 'ready', 'ready');
    await store.startConversation();
    const thread = store.thread.value;
    const id = thread?.conversationId ?? '';
    await until(() => thread?.ready.value, 'first page');
    for (let i = 0; i < 60; i += 1) await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'support', body: `away ${i}` } });
    await thread?.backfill();
    await thread?.backfill();
    expect(thread?.items.value.map((i) => i.message.body)).toEqual(Array.from({ length: 60 }, (_, i) => `away ${i}`));
    expect(store.unreadTotal.value).toBe(60);
    store.open();
    expect(store.unreadTotal.value).toBe(0);
    store.dispose();
  });

  it('shows a failed send with a sentence and sends it when retried', async () => {
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_6' } });
    await until(() => store.status.value === 'ready', 'ready');
    store.openConversation('00000000-0000-0000-0000-000000000000');
    const thread = store.thread.value;
    thread?.send('to nowhere');
    await until(() => thread?.items.value[0]?.status === 'failed', 'failed');
    expect(thread?.items.value[0]?.error).toEqual({ key: 'errorConversationGone' });
    expect(say(thread!.items.value[0]!.error!)).toMatch(/not found/i);
    expect(thread?.items.value[0]?.message.body).toBe('to nowhere');
    store.dispose();
  });

  it('a failed send an older version kept with an English sentence reloads as failed, without that sentence', async () => {
    const storage = browserStorage();
    const conversationId = '00000000-0000-0000-0000-000000000001';
    storage.set('outbox', [
      {
        key: 'old_1',
        conversationId,
        input: { sender_id: 'u_store_legacy', body: 'kept from before' },
        writtenAt: new Date().toISOString(),
        status: 'failed',
        error: 'This conversation was not found. It may have been removed.',
        echoId: null,
      },
    ]);
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_store_legacy' }, storage });
    await until(() => store.status.value === 'ready', 'ready');
    store.openConversation(conversationId);
    const item = store.thread.value?.items.value.find((i) => i.key === 'old_1');
    // A string is not a sentence the views can say in the reader's language: the row says "Not sent." instead.
    expect(item).toMatchObject({ status: 'failed', error: null });
    store.dispose();
  });

  it.each(['tiny_sk_demo', 'tk_test_demo', 'sk_live_x'])('refuses the secret key %s with a sentence and sends nothing', async (key) => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const { store } = makeStore({ url: server.url, attributes: { 'api-key': key }, fetch: counting });
    await until(() => store.status.value === 'error', 'refused');
    expect(store.error.value).toEqual({ key: 'errorSecretKey', values: { prefix: expect.stringMatching(/^(tiny_sk_|tk_test_|sk_)$/) } });
    expect(say(store.error.value!)).toMatch(/secret/i);
    expect(say(store.error.value!)).toMatch(/pk_live_|pk_test_/);
    expect(calls).toBe(0);
    store.dispose();
  });

  it('says so when the key is wrong', async () => {
    const { store } = makeStore({ url: server.url, attributes: { 'api-key': 'pk_test_nope' } });
    await until(() => store.status.value === 'error', 'refused');
    expect(store.error.value).toEqual({ key: 'errorBadKey' });
    expect(say(store.error.value!)).toMatch(/API key is not valid/);
    store.dispose();
  });
});
