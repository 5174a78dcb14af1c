// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { browserStorage, makeStore, until } from './helpers.ts';

// A visitor's first minute, the store against the real server: in a thread at once, the conversation made by the
// first send, names from the server's users table.
let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const conversationsOf = async (userId: string) => (await server.api(`/v1/conversations?user_id=${userId}`)).body.conversations as { id: string }[];

describe('a first visit', () => {
  it('opens into a thread with no conversation made; the first send makes it and sends in order, once each', async () => {
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_first_1', 'user-name': 'Ada Lovelace' } });
    await until(() => store.status.value === 'ready', 'ready');
    store.open();
    expect(store.screen.value).toBe('thread');
    const draft = store.thread.value!;
    expect(draft.conversationId).toBe('');
    expect(draft.ready.value).toBe(true);
    expect(draft.items.value).toEqual([]);
    // Who only looked leaves nothing behind.
    store.close();
    store.open();
    expect(await conversationsOf('u_first_1')).toEqual([]);

    store.thread.value!.send('Where is my parcel?');
    store.thread.value!.send('It is ACME-1');
    expect(store.thread.value!.items.value.map((i) => [i.message.body, i.status])).toEqual([
      ['Where is my parcel?', 'pending'],
      ['It is ACME-1', 'pending'],
    ]);
    await until(() => store.thread.value?.conversationId !== '', 'the conversation exists');
    const thread = store.thread.value!;
    await until(() => thread.items.value.filter((i) => i.status === 'sent').length === 2, 'both sent');
    const list = await conversationsOf('u_first_1');
    expect(list.map((c) => c.id)).toEqual([thread.conversationId]);
    const stored = (await server.api(`/v1/conversations/${thread.conversationId}/messages`)).body.messages;
    expect(stored.map((m: { body: string }) => m.body)).toEqual(['Where is my parcel?', 'It is ACME-1']);
    store.dispose();
  });

  it('a returning visitor lands where they were; the list is one Back away and "New conversation" is a fresh draft', async () => {
    const storage = browserStorage();
    const first = makeStore({ url: server.url, storage, attributes: { 'user-id': 'u_first_2' } }).store;
    await until(() => first.status.value === 'ready', 'ready');
    first.open();
    first.thread.value!.send('Hello');
    await until(() => first.thread.value?.conversationId !== '' && first.thread.value?.items.value[0]?.status === 'sent', 'sent');
    const id = first.thread.value!.conversationId;
    first.dispose();

    const again = makeStore({ url: server.url, storage, attributes: { 'user-id': 'u_first_2' } }).store;
    await until(() => again.status.value === 'ready' && again.thread.value !== null, 'back in the thread');
    expect(again.thread.value!.conversationId).toBe(id);
    again.backToList();
    expect(again.screen.value).toBe('list');
    expect(again.conversations.value.map((c) => c.conversation.id)).toEqual([id]);
    again.newConversation!();
    expect(again.thread.value!.conversationId).toBe('');
    again.backToList();
    again.dispose();

    // Left on the list: a reload shows the list, not a draft.
    const third = makeStore({ url: server.url, storage, attributes: { 'user-id': 'u_first_2' } }).store;
    await until(() => third.status.value === 'ready', 'ready');
    third.open();
    expect(third.screen.value).toBe('list');
    expect(await conversationsOf('u_first_2')).toHaveLength(1);
    third.dispose();
  });

  it('a start that fails marks the message failed with the reason; Retry sends it', async () => {
    let refuse = true;
    const flaky: typeof fetch = (input, init) =>
      refuse && init?.method === 'POST' && String(input).endsWith('/v1/conversations')
        ? Promise.resolve(new Response(JSON.stringify({ error: 'participants must be a non-empty array' }), { status: 400 }))
        : fetch(input, init);
    const { store } = makeStore({ url: server.url, fetch: flaky, attributes: { 'user-id': 'u_first_3' } });
    await until(() => store.status.value === 'ready', 'ready');
    store.open();
    store.thread.value!.send('Hi there');
    await until(() => store.thread.value!.items.value[0]?.status === 'failed', 'failed');
    expect(store.thread.value!.items.value[0]!.error).not.toBeNull();
    refuse = false;
    store.thread.value!.retry(store.thread.value!.items.value[0]!.key);
    await until(() => store.thread.value!.conversationId !== '' && store.thread.value!.items.value[0]?.status === 'sent', 'sent after Retry');
    store.dispose();
  });
});

describe('names that stay', () => {
  it("a support person's name, and the visitor's in the other direction, from the server after a reload", async () => {
    await server.api('/v1/users', { method: 'POST', json: { user_id: 'support', name: 'Sam (Acme support)', role: 'support' } });
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': 'u_names_1', 'user-name': 'Grace Hopper' } });
    await until(() => store.status.value === 'ready', 'ready');
    store.open();
    store.thread.value!.send('Hello');
    await until(() => store.thread.value!.conversationId !== '' && store.thread.value!.items.value[0]?.status === 'sent', 'sent');
    const id = store.thread.value!.conversationId;
    await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'support', body: 'Hi Grace' } });
    store.dispose();

    // A new browser (nothing learnt from typing events): the names come from the rows.
    const visitor = makeStore({ url: server.url, attributes: { 'user-id': 'u_names_1' } }).store;
    await until(() => visitor.status.value === 'ready', 'ready');
    visitor.openConversation(id);
    await until(() => visitor.thread.value?.items.value.length === 2, 'history');
    expect(visitor.displayName('support')).toBe('Sam (Acme support)');
    visitor.dispose();

    const inbox = makeStore({ url: server.url, attributes: { 'user-id': 'support', 'user-name': 'Sam (Acme support)' } }).store;
    await until(() => inbox.status.value === 'ready', 'ready');
    // The list alone names the visitor (participant_names), before any thread is open.
    expect(inbox.displayName('u_names_1')).toBe('Grace Hopper');
    inbox.dispose();
  });
});
