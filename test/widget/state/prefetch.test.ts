// @vitest-environment node
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { createRealtimeConnector } from '../../../src/transport/createRealtimeConnector.ts';
import type { RealtimeConnectorOptions } from '../../../src/transport/RealtimeConnectorOptions.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { browserStorage, makeStore, until } from './helpers.ts';

const transport = WebSocket as unknown as RealtimeConnectorOptions['transport'];

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('opening a pinned thread', () => {
  it('is ready the moment the panel opens: get-or-create and the first page were loaded while it was closed', async () => {
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
    const storage = browserStorage();
    const setup = {
      url: server.url,
      attributes: { 'user-id': 'u_prefetch', 'external-ref': 'order_prefetch', 'conversation-kind': 'order', participants: 'driver_9' },
      fetch: counting,
      storage,
      realtime: (config: Parameters<typeof createRealtimeConnector>[0]) => createRealtimeConnector(config, { transport }),
    };
    const { store } = makeStore(setup);
    await until(() => store.prefetched()?.ready.value, 'the first page, loaded while closed');
    expect(calls.some((c) => /^GET \/v1\/conversations\/[^/]+\/messages$/.test(c))).toBe(true);
    expect(store.isOpen.value).toBe(false);
    expect(store.thread.value).toBeNull();
    expect(store.conversations.value).toHaveLength(1);
    const prefetched = store.prefetched();

    store.open();
    const thread = store.thread.value;
    expect(thread).toBe(prefetched);
    expect(thread?.ready.value).toBe(true);
    expect(calls.filter((c) => c === 'POST /v1/conversations')).toHaveLength(1);
    thread?.send('from the pinned thread');
    await until(() => thread?.items.value[0]?.status === 'sent', 'sent');
    store.close();
    store.dispose();

    // The next page load knows the pinned conversation's id: no get-or-create again.
    calls.length = 0;
    const again = makeStore(setup).store;
    await until(() => again.prefetched()?.ready.value, 'the first page again');
    again.open();
    expect(again.thread.value?.conversationId).toBe(thread?.conversationId);
    expect(calls.filter((c) => c === 'POST /v1/conversations')).toHaveLength(0);
    again.dispose();
  });
});
