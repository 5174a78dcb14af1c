// @vitest-environment node
// The real connector, the real (lazily imported) supabase-js RealtimeClient and the local server's realtime
// endpoint over real sockets; `ws` stands in for the WebSocket Node 20 lacks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { RunningServer, ServerOptions } from '../../../server/createServer.ts';
import { startTestServer } from '../../server/helpers/testServer.ts';
import { createRealtimeConnector } from '../../../src/transport/createRealtimeConnector.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { loadRealtimeClient } from '../../../src/transport/loadRealtimeClient.ts';
import type { RealtimeConnectorOptions } from '../../../src/transport/RealtimeConnectorOptions.ts';
import type { ChannelStatus, LiveEvent, RealtimeConnector, TinyChatApi, TinyChatConfig } from '../../../src/transport/types.ts';

const transport = WebSocket as unknown as RealtimeConnectorOptions['transport'];
// Short reconnect steps keep the rejoin test quick; the default schedule is 1, 2, 5, 10 s.
const fast = { transport, reconnectAfterMs: () => 100 } satisfies RealtimeConnectorOptions;

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Recorder {
  events: LiveEvent[];
  statuses: ChannelStatus[];
  handlers: { onEvent(e: LiveEvent): void; onStatus(s: ChannelStatus): void };
}
function recorder(): Recorder {
  const r: Recorder = { events: [], statuses: [], handlers: { onEvent: (e) => r.events.push(e), onStatus: (s) => r.statuses.push(s) } };
  return r;
}

async function start(options: ServerOptions = {}): Promise<{ server: RunningServer; api: TinyChatApi; config: TinyChatConfig }> {
  const server = await startTestServer(options);
  const api = createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo' });
  return { server, api, config: await api.getConfig() };
}

function connector(config: TinyChatConfig, options: RealtimeConnectorOptions = fast): RealtimeConnector {
  const c = createRealtimeConnector(config, options);
  cleanups.push(() => c.dispose());
  return c;
}

describe('createRealtimeConnector', () => {
  test('subscribes to conv:<id> and maps message (send, edit, delete) and typing broadcasts to LiveEvents', async () => {
    const { server, api, config } = await start();
    cleanups.push(() => server.close());
    const conv = await api.getOrCreateConversation({ kind: 'support', participants: ['u_rt_1', 'agent_1'] });
    const other = await api.getOrCreateConversation({ kind: 'support', participants: ['u_rt_1', 'agent_2'] });
    const live = connector(config);
    const r = recorder();
    live.subscribe(conv.id, r.handlers);
    await waitFor(() => r.statuses.includes('SUBSCRIBED'), 'SUBSCRIBED');

    const sent = await api.send(conv.id, { sender_id: 'agent_1', body: 'Hello from support' }, 'rt-1');
    await api.send(other.id, { sender_id: 'agent_2', body: 'not for this channel' }, 'rt-2');
    const edited = await api.edit(conv.id, sent.id, 'agent_1', 'Hello again');
    const removed = await api.remove(conv.id, sent.id, 'agent_1');
    await api.typing(conv.id, 'agent_1', 'Sam');
    await api.typing(conv.id, 'agent_1');
    await waitFor(() => r.events.length === 5, 'five events');
    expect(r.events).toEqual([
      { type: 'message', message: sent },
      { type: 'message', message: edited },
      { type: 'message', message: removed },
      { type: 'typing', senderId: 'agent_1', senderName: 'Sam' },
      { type: 'typing', senderId: 'agent_1', senderName: null },
    ]);
    expect(r.statuses).toEqual(['SUBSCRIBED']);
  });

  test('close() stops one subscription; the others keep receiving; dispose() ends them all', async () => {
    const { server, api, config } = await start();
    cleanups.push(() => server.close());
    const [a, b] = [
      await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rt_2', 'u_rt_3'] }),
      await api.getOrCreateConversation({ kind: 'direct', participants: ['u_rt_2', 'u_rt_4'] }),
    ];
    const live = connector(config);
    const [ra, rb] = [recorder(), recorder()];
    const subA = live.subscribe(a.id, ra.handlers);
    live.subscribe(b.id, rb.handlers);
    await waitFor(() => ra.statuses.includes('SUBSCRIBED') && rb.statuses.includes('SUBSCRIBED'), 'both SUBSCRIBED');
    subA.close();
    await api.send(a.id, { sender_id: 'u_rt_3', body: 'to a' }, 'rt-a');
    await api.send(b.id, { sender_id: 'u_rt_4', body: 'to b' }, 'rt-b');
    await waitFor(() => rb.events.length === 1, 'b hears its message');
    await new Promise((r) => setTimeout(r, 100));
    expect(ra.events).toEqual([]);
    // Closing reports nothing more: the view is already gone.
    expect(ra.statuses).toEqual(['SUBSCRIBED']);

    live.dispose();
    await api.send(b.id, { sender_id: 'u_rt_4', body: 'after dispose' }, 'rt-b2');
    await new Promise((r) => setTimeout(r, 150));
    expect(rb.events).toHaveLength(1);
    await waitFor(() => server.realtimeStats().connections === 0, 'the socket closed');
  });

  test('a dropped socket goes through a non-SUBSCRIBED state and is SUBSCRIBED again after the server restarts', async () => {
    // On disk, so the restarted server still has the conversation (the join checks it exists).
    const dataDir = await mkdtemp(join(tmpdir(), 'tinychat-rt-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let { server, api, config } = await start({ memory: false, dataDir });
    const first = server;
    let firstClosed = false;
    cleanups.push(() => (firstClosed ? undefined : first.close()));
    const conv = await api.getOrCreateConversation({ kind: 'support', participants: ['u_rt_5', 'agent_5'] });
    const live = connector(config);
    const r = recorder();
    live.subscribe(conv.id, r.handlers);
    await waitFor(() => r.statuses.includes('SUBSCRIBED'), 'SUBSCRIBED');

    const port = server.port;
    await server.close();
    firstClosed = true;
    await waitFor(() => r.statuses.length >= 2, 'a status after the drop');
    expect(r.statuses[1]).not.toBe('SUBSCRIBED');

    ({ server, api } = await start({ memory: false, dataDir, port }));
    const second = server;
    cleanups.push(() => second.close());
    await waitFor(() => r.statuses.at(-1) === 'SUBSCRIBED' && r.statuses.length >= 3, 'SUBSCRIBED again');
    // Every status is a change: the repeated errors of failed reconnect attempts are reported once.
    expect(r.statuses.every((s, i) => i === 0 || s !== r.statuses[i - 1])).toBe(true);
    expect(r.statuses.filter((s) => s === 'SUBSCRIBED')).toHaveLength(2);

    const sent = await api.send(conv.id, { sender_id: 'agent_5', body: 'after the restart' }, 'rt-5');
    await waitFor(() => r.events.length === 1, 'the message after rejoin');
    expect(r.events[0]).toEqual({ type: 'message', message: sent });
  }, 60_000);

  test("a refused join (another tenant's conversation) is reported as CHANNEL_ERROR", async () => {
    const { server, config } = await start();
    cleanups.push(() => server.close());
    const otherApi = createRestClient({ baseUrl: server.url, apiKey: 'pk_test_other' });
    const foreign = await otherApi.getOrCreateConversation({ kind: 'direct', participants: ['x', 'y'] });
    expect(foreign.id).not.toBe('');
    const r = recorder();
    connector(config).subscribe(foreign.id, r.handlers);
    await waitFor(() => r.statuses.length > 0, 'a status');
    expect(r.statuses[0]).toBe('CHANNEL_ERROR');
  });
});

describe('lazy loading', () => {
  test('nothing is loaded until the first subscribe, and once for all subscriptions', async () => {
    const load = vi.fn(loadRealtimeClient);
    const config: TinyChatConfig = { tenant: { id: 't', name: 'T' }, realtime: { supabase_url: 'http://127.0.0.1:9', supabase_anon_key: 'k', channel_prefix: 'conv:' } };
    const live = connector(config, { transport, load });
    expect(load).not.toHaveBeenCalled();
    const a = live.subscribe('a', recorder().handlers);
    const b = live.subscribe('b', recorder().handlers);
    expect(load).toHaveBeenCalledTimes(1);
    a.close();
    b.close();
  });

  test("the default loader gives supabase-js's RealtimeClient", async () => {
    const { RealtimeClient } = await import('@supabase/supabase-js');
    expect(await loadRealtimeClient()).toBe(RealtimeClient);
  });

  test('a client that cannot be loaded is reported as CHANNEL_ERROR with the cause', async () => {
    const config: TinyChatConfig = { tenant: { id: 't', name: 'T' }, realtime: { supabase_url: 'http://127.0.0.1:9', supabase_anon_key: 'k', channel_prefix: 'conv:' } };
    const errors: (Error | undefined)[] = [];
    const statuses: ChannelStatus[] = [];
    connector(config, { load: () => Promise.reject(new Error('chunk failed')) }).subscribe('a', {
      onEvent: () => {},
      onStatus: (s, e) => {
        statuses.push(s);
        errors.push(e);
      },
    });
    await waitFor(() => statuses.length === 1, 'a status');
    expect([statuses[0], errors[0]?.message]).toEqual(['CHANNEL_ERROR', 'chunk failed']);
  });
});
