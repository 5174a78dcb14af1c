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

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Options {
  /** @defaultValue 40 */
  listRefreshMs?: number;
  /** Realtime over real sockets, connected when the test calls the returned `connect`. */
  realtime?: boolean;
}

/** The real store over the real REST client, refreshing its list every 40 ms; counts its list requests. */
function store(attributes: Record<string, string>, options: Options = {}): { store: FullChatStore; listCalls: () => number; connect: () => void } {
  const all: Record<string, string> = { 'api-key': 'pk_test_demo', 'base-url': server.url, ...attributes };
  const settings = readSettings((name) => all[name]);
  let calls = 0;
  const counting: typeof fetch = (input, init) => {
    if ((init?.method ?? 'GET') === 'GET' && new URL(String(input)).pathname.endsWith('/conversations')) calls += 1;
    return fetch(input, init);
  };
  const api = createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, fetch: counting });
  let connect = () => {};
  const made = createChatStore({
    settings,
    api,
    checkKey: assertPublishableKey,
    connectRealtime: (config) => createRealtimeConnector(config, { transport: WebSocket as unknown as RealtimeConnectorOptions['transport'] }),
    whenIdle: (run) => void (options.realtime ? (connect = run) : undefined),
    storage: browserStorage(),
    sessionStorage: browserStorage(),
    listRefreshMs: options.listRefreshMs ?? 40,
  });
  return { store: made, listCalls: () => calls, connect: () => connect() };
}

async function say(conversationId: string, sender: string, text: string): Promise<void> {
  await server.api(`/v1/conversations/${conversationId}/messages`, { method: 'POST', json: { sender_id: sender, body: text } });
}

async function conversationFrom(visitor: string, text: string): Promise<string> {
  const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: [visitor, 'inbox_agent'] } });
  const id = created.body.conversation.id as string;
  await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: visitor, body: text } });
  return id;
}

describe('the conversation list kept current (the support inbox)', () => {
  it('shows a conversation started after it loaded, first, with its message unread; old ones stay read', async () => {
    const before = await conversationFrom('v_refresh_1', 'Asked before the inbox opened');
    const inbox = store({ 'user-id': 'inbox_agent', 'user-role': 'support', mode: 'inline' });
    // A closed bubble widget has nobody looking at its list: it does not poll.
    const closed = store({ 'user-id': 'v_refresh_quiet' });
    await until(() => inbox.store.status.value === 'ready' && closed.store.status.value === 'ready', 'ready');
    expect(inbox.store.conversations.value.map((c) => c.conversation.id)).toEqual([before]);

    const after = await conversationFrom('v_refresh_2', 'Asked after the inbox opened');
    await until(() => inbox.store.conversations.value[0]?.conversation.id === after, 'the new conversation at the top');
    await until(() => inbox.store.conversations.value[0]?.unread === 1, 'its message counted unread');
    const [fresh, old] = inbox.store.conversations.value;
    expect(fresh?.lastMessage).toBe('Asked after the inbox opened');
    expect(old?.conversation.id).toBe(before);
    expect(old?.unread).toBe(0);
    expect(inbox.store.unreadTotal.value).toBe(1);

    // Several more rounds of the open inbox's timer; the closed widget's timer ticked as often and fetched nothing.
    const seen = inbox.listCalls();
    await until(() => inbox.listCalls() >= seen + 3, 'more refreshes');
    expect(closed.listCalls()).toBe(1);
    inbox.store.dispose();
    closed.store.dispose();
  });

  it('counts what was written before its channels joined: the list is fetched again once they join', async () => {
    const id = await conversationFrom('v_refresh_3', 'Before the inbox loaded');
    // No polling here: only the join can bring the missed message in.
    const inbox = store({ 'user-id': 'inbox_agent', 'user-role': 'support', mode: 'inline' }, { listRefreshMs: 0, realtime: true });
    await until(() => inbox.store.status.value === 'ready', 'ready');
    await say(id, 'v_refresh_3', 'Between the list and the join');
    inbox.connect();
    await until(() => inbox.store.conversations.value.find((c) => c.conversation.id === id)?.unread === 1, 'the missed message counted');
    // Live from now on, each message once.
    await say(id, 'v_refresh_3', 'After the join');
    await until(() => inbox.store.unreadTotal.value === 2, 'the live message counted');
    expect(inbox.store.conversations.value.find((c) => c.conversation.id === id)?.lastMessage).toBe('After the join');
    inbox.store.dispose();
  });
});
