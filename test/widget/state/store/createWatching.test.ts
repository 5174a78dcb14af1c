// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import { createWatching } from '../../../../src/state/store/createWatching.ts';
import type { LiveEvent } from '../../../../src/transport/types.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { until } from '../helpers.ts';
import { conversationOf, makeState, realConnector, sayAs } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('createWatching', () => {
  it('joins a channel once connected, says when it is online, and hands its events over', async () => {
    const { state } = makeState({ url: server.url, attributes: { 'user-id': 'u_watch_1' } });
    const events: [string, LiveEvent][] = [];
    const joined: string[] = [];
    const watching = createWatching(state, { onEvent: (id, e) => void events.push([id, e]), onJoined: (id) => void joined.push(id) });
    const id = await conversationOf(server.api, 'u_watch_1');
    watching.watch(id);
    expect(watching.connected()).toBe(false);
    expect(watching.connection.value).toBe('connecting');
    watching.connect(await realConnector(state));
    watching.watch(id);
    watching.watch(id);
    await until(() => watching.connection.value === 'online', 'joined');
    expect(joined).toEqual([id]);
    await sayAs(server.api, id, 'support', 'live hello');
    await until(() => events.length > 0, 'the live message');
    expect(events.map(([cid, e]) => [cid, e.type === 'message' ? e.message.body : e.type])).toEqual([[id, 'live hello']]);
    watching.setOnline(false);
    expect(watching.connection.value).toBe('reconnecting');
    watching.setOnline(true);
    expect(watching.connection.value).toBe('online');
    watching.dispose();
  });

  it('release leaves a conversation the list does not keep; watchAll joins the listed and the open one', async () => {
    const { state } = makeState({ url: server.url, attributes: { 'user-id': 'u_watch_2' } });
    const events: string[] = [];
    const watching = createWatching(state, { onEvent: (id) => void events.push(id), onJoined: () => {} });
    watching.connect(await realConnector(state));
    const listed = await conversationOf(server.api, 'u_watch_2', 'listed');
    const open = await conversationOf(server.api, 'u_watch_2', 'open');
    state.conversations.value = await state.api.listConversations('u_watch_2').then((all) => all.filter((c) => c.id === listed));
    state.openId.value = open;
    watching.watchAll();
    await until(() => watching.connection.value === 'online', 'both joined');
    watching.release(listed);
    watching.release(open);
    await sayAs(server.api, open, 'support', 'to the released one');
    await sayAs(server.api, listed, 'support', 'to the listed one');
    await until(() => events.includes(listed), 'the listed conversation still heard');
    expect(events).not.toContain(open);
    watching.dispose();
  });
});
