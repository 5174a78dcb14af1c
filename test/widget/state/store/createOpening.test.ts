// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import { createConversationList } from '../../../../src/state/store/createConversationList.ts';
import { createOpening } from '../../../../src/state/store/createOpening.ts';
import { createUnread } from '../../../../src/state/store/createUnread.ts';
import { createWatching } from '../../../../src/state/store/createWatching.ts';
import type { Message } from '../../../../src/transport/types.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { browserStorage, until } from '../helpers.ts';
import { conversationOf, makeOutbox, makeState, sayAs } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function opener(visitor: string, attributes: Record<string, string> = {}, storage = browserStorage()) {
  const calls: string[] = [];
  const fetching: typeof fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const { state } = makeState({ url: server.url, storage, fetch: fetching, attributes: { 'user-id': visitor, ...attributes } });
  const unread = createUnread(state);
  const list = createConversationList(state, unread.counts);
  const watching = createWatching(state, { onEvent: () => {}, onJoined: () => {} });
  const incoming: Message[] = [];
  const opening = createOpening(state, { outbox: makeOutbox(state), list, unread, watching, onIncoming: (m) => void incoming.push(m) });
  return { state, opening, incoming, calls, storage };
}

describe('createOpening', () => {
  it('shows a thread and remembers it; back to the list forgets it', async () => {
    const { state, opening, storage } = opener('u_open_1');
    const id = await conversationOf(server.api, 'u_open_1');
    await sayAs(server.api, id, 'support', 'hello');
    opening.show(id);
    const thread = state.thread.value;
    expect([thread?.conversationId, state.openId.value]).toEqual([id, id]);
    opening.show(id);
    expect(state.thread.value).toBe(thread);
    await until(() => thread?.ready.value, 'first page');
    expect(thread?.items.value.map((i) => i.message.body)).toEqual(['hello']);
    expect(storage.get('ui:u_open_1')).toEqual({ open: false, conversationId: id });
    opening.leave();
    expect([state.thread.value, state.openId.value]).toEqual([null, null]);
    expect(storage.get('ui:u_open_1')).toEqual({ open: false, conversationId: null });
  });

  it('prefetches the remembered conversation and shows that same thread on open; events reach it meanwhile', async () => {
    const id = await conversationOf(server.api, 'u_open_2');
    const storage = browserStorage();
    storage.set('ui:u_open_2', { open: false, conversationId: id });
    const { state, opening, incoming } = opener('u_open_2', {}, storage);
    await opening.prefetch();
    const early = opening.prefetched();
    expect(early?.conversationId).toBe(id);
    expect(state.thread.value).toBeNull();
    await until(() => early?.ready.value, 'loaded while closed');
    const live = await sayAs(server.api, id, 'support', 'while closed');
    expect(opening.deliver(id, { type: 'message', message: live })).toBe(false);
    expect(early?.items.value.map((i) => i.message.body)).toEqual(['while closed']);
    expect(incoming.map((m) => m.body)).toEqual(['while closed']);
    opening.show(id);
    expect(state.thread.value).toBe(early);
    expect(opening.prefetched()).toBeNull();
    const next = await sayAs(server.api, id, 'support', 'while open');
    expect(opening.deliver(id, { type: 'message', message: next })).toBe(true);
    expect(opening.deliver('c_other', { type: 'message', message: next })).toBe(false);
  });

  it('the pinned conversation is made once and remembered: the next page load asks for it no more', async () => {
    const pinned = { 'external-ref': 'order_open_3', 'conversation-kind': 'order' };
    const first = opener('u_open_3', pinned);
    first.opening.openPinned();
    await until(() => first.state.thread.value !== null, 'opened into the pinned thread');
    expect(first.calls.filter((c) => c === 'POST /v1/conversations')).toHaveLength(1);
    const second = opener('u_open_3', pinned, first.storage);
    await second.opening.prefetch();
    expect(second.opening.prefetched()?.conversationId).toBe(first.state.thread.value?.conversationId);
    expect(second.calls.filter((c) => c === 'POST /v1/conversations')).toHaveLength(0);
    const unpinned = opener('u_open_4');
    unpinned.opening.openPinned();
    await unpinned.opening.prefetch();
    expect([unpinned.state.thread.value, unpinned.opening.prefetched()]).toEqual([null, null]);
  });
});
