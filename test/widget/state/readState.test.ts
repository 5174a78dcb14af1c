// @vitest-environment node
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { createChatStore, type FullChatStore } from '../../../src/state/createChatStore.ts';
import { readSettings } from '../../../src/state/WidgetSettings.ts';
import { assertPublishableKey } from '../../../src/transport/assertPublishableKey.ts';
import { createRealtimeConnector } from '../../../src/transport/createRealtimeConnector.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import type { RealtimeConnectorOptions } from '../../../src/transport/RealtimeConnectorOptions.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { browserStorage, until } from './helpers.ts';

/**
 * Read state kept by the server, through the real store, REST client and realtime over real sockets. No list
 * polling anywhere (`listRefreshMs: 0`): what reaches a store came live.
 */
let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A device: its own storage, the real transport; records its events and its read POSTs. */
function device(attributes: Record<string, string>) {
  const all: Record<string, string> = { 'api-key': 'pk_test_demo', 'base-url': server.url, mode: 'inline', ...attributes };
  const settings = readSettings((name) => all[name]);
  const marks: string[] = [];
  let lists = 0;
  const events: { name: string; detail: unknown }[] = [];
  const recording: typeof fetch = (input, init) => {
    const path = new URL(String(input)).pathname;
    if (init?.method === 'POST' && path.endsWith('/read')) marks.push(String(init.body));
    if ((init?.method ?? 'GET') === 'GET' && path.endsWith('/conversations')) lists += 1;
    return fetch(input, init);
  };
  const store: FullChatStore = createChatStore({
    settings,
    api: createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, fetch: recording }),
    checkKey: assertPublishableKey,
    connectRealtime: (config) => createRealtimeConnector(config, { transport: WebSocket as unknown as RealtimeConnectorOptions['transport'] }),
    whenIdle: (run) => run(),
    storage: browserStorage(),
    sessionStorage: browserStorage(),
    listRefreshMs: 0,
    emit: (name, detail) => void events.push({ name, detail }),
  });
  // The list is fetched at the start and again once the user's own channel has joined.
  return { store, marks, events, joined: () => lists >= 2 };
}

const unreadOf = (store: FullChatStore, id: string) => store.conversations.value.find((c) => c.conversation.id === id)?.unread;

describe('read state shared by every device of a user', () => {
  it('brings a new conversation to both devices of the support user, drops the count on one when read on the other, and tells the visitor', async () => {
    const phone = device({ 'user-id': 'sam_rs', 'user-role': 'support' });
    const laptop = device({ 'user-id': 'sam_rs', 'user-role': 'support' });
    const visitor = device({ 'user-id': 'v_rs', mode: 'bubble', participants: 'sam_rs', open: '' });
    await until(() => [phone, laptop, visitor].every((d) => d.store.status.value === 'ready'), 'ready');
    // Both devices are listening on the user's own channel before the visitor writes.
    await until(() => phone.joined() && laptop.joined(), "the user's channel joined on both");

    await visitor.store.sendText('Is my parcel coming today?');
    // The conversation is created with the first message: its id is known once the send is done.
    await until(() => visitor.store.conversations.value.length === 1 && visitor.store.thread.value?.items.value.some((i) => i.status === 'sent') === true, 'sent');
    const id = visitor.store.conversations.value[0]?.conversation.id ?? '';
    await until(() => unreadOf(phone.store, id) === 1 && unreadOf(laptop.store, id) === 1, 'the new conversation, unread, on both devices');

    // Read on the laptop: the phone's count drops live, and the visitor learns it was read.
    laptop.store.openConversation(id);
    await until(() => laptop.marks.length === 1, 'the read posted');
    await until(() => unreadOf(phone.store, id) === 0, "the phone's count dropped");
    expect(phone.store.unreadTotal.value).toBe(0);
    await until(() => visitor.store.seenAt?.value.has(id) === true, 'the visitor has the read position');
    const sent = visitor.store.thread.value?.items.value.find((i) => i.mine)?.message;
    expect(visitor.store.seenAt?.value.get(id)).toBe(sent?.created_at);
    expect(visitor.events.filter((e) => e.name === 'read')).toEqual([{ name: 'read', detail: { conversationId: id, userId: 'sam_rs', messageId: sent?.id } }]);
    // The phone never posted anything: it did not read.
    expect(phone.marks).toEqual([]);

    // A fresh device of the same user sees the server's count: nothing unread there either.
    const tablet = device({ 'user-id': 'sam_rs', 'user-role': 'support' });
    await until(() => tablet.store.status.value === 'ready', 'ready');
    expect(unreadOf(tablet.store, id)).toBe(0);
    for (const d of [phone, laptop, visitor, tablet]) d.store.dispose();
  });
});

describe('against the hosted seed (no read state)', () => {
  let hosted: RunningServer & { api: Api };
  beforeAll(async () => {
    hosted = await startTestServer({ compat: 'hosted' });
  });
  afterAll(() => hosted.close());

  it('never posts a read position and counts per browser', async () => {
    const created = await hosted.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['v_h', 'sam_h'] } });
    const id = created.body.conversation.id as string;
    await hosted.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'v_h', body: 'Before' } });
    const all: Record<string, string> = { 'api-key': 'pk_test_demo', 'base-url': hosted.url, 'user-id': 'sam_h', 'user-role': 'support', mode: 'inline' };
    const settings = readSettings((name) => all[name]);
    const posts: string[] = [];
    const store = createChatStore({
      settings,
      api: createRestClient({
        baseUrl: hosted.url,
        apiKey: 'pk_test_demo',
        fetch: (input, init) => (init?.method === 'POST' && posts.push(new URL(String(input)).pathname), fetch(input, init)),
      }),
      checkKey: assertPublishableKey,
      connectRealtime: (config) => createRealtimeConnector(config, { transport: WebSocket as unknown as RealtimeConnectorOptions['transport'] }),
      whenIdle: () => undefined,
      storage: browserStorage(),
      sessionStorage: browserStorage(),
      listRefreshMs: 0,
    });
    await until(() => store.status.value === 'ready', 'ready');
    // First sight on this browser: what is there counts as read (the seed has no counts).
    expect(unreadOf(store, id)).toBe(0);
    store.openConversation(id);
    await until(() => store.thread.value?.ready.value === true, 'the thread loaded');
    expect(posts.filter((p) => p.endsWith('/read'))).toEqual([]);
    store.dispose();
  });
});
