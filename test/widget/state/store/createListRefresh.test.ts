// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import { createConversationList } from '../../../../src/state/store/createConversationList.ts';
import { createListRefresh } from '../../../../src/state/store/createListRefresh.ts';
import { createUnread } from '../../../../src/state/store/createUnread.ts';
import { createWatching } from '../../../../src/state/store/createWatching.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { until } from '../helpers.ts';
import { conversationOf, countingListFetch, makeState, sayAs } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function refreshing(visitor: string, refreshMs: number, attributes: Record<string, string> = {}) {
  const counting = countingListFetch();
  const { state } = makeState({ url: server.url, fetch: counting.fetch, attributes: { 'user-id': visitor, ...attributes } });
  const unread = createUnread(state);
  const list = createConversationList(state, unread.counts);
  const watching = createWatching(state, { onEvent: () => {}, onJoined: () => {} });
  const refresh = createListRefresh(state, { list, unread, watching }, refreshMs);
  return { state, unread, list, refresh, calls: counting.calls };
}

describe('createListRefresh', () => {
  it('does nothing before the widget is ready; then a new conversation shows with its messages unread', async () => {
    const { state, list, unread, refresh, calls } = refreshing('u_refresh_1', 0);
    await refresh.run();
    expect(calls()).toBe(0);
    state.status.value = 'ready';
    const id = await conversationOf(server.api, 'u_refresh_1');
    await sayAs(server.api, id, 'support', 'one');
    await sayAs(server.api, id, 'support', 'two');
    await refresh.run();
    expect(list.summaries.value.map((s) => s.conversation.id)).toEqual([id]);
    await until(() => unread.total.value === 2, 'both counted');
    refresh.dispose();
  });

  it('polls while the panel is open, never while it is closed; a join asks once for several channels', async () => {
    const open = refreshing('u_refresh_2', 30, { mode: 'inline' });
    const closed = refreshing('u_refresh_3', 30);
    open.state.status.value = 'ready';
    closed.state.status.value = 'ready';
    await until(() => open.calls() >= 3, 'three rounds');
    expect(closed.calls()).toBe(0);
    open.refresh.dispose();
    closed.refresh.dispose();

    const joins = refreshing('u_refresh_4', 0);
    joins.state.status.value = 'ready';
    joins.refresh.afterJoin();
    joins.refresh.afterJoin();
    joins.refresh.afterJoin();
    await until(() => joins.calls() === 1, 'one list fetch');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(joins.calls()).toBe(1);
    joins.refresh.dispose();
  });
});
