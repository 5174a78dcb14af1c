// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import type { StoreState } from '../../../../src/state/store/createStoreState.ts';
import { createConversationList } from '../../../../src/state/store/createConversationList.ts';
import { createOpening } from '../../../../src/state/store/createOpening.ts';
import { createUnread } from '../../../../src/state/store/createUnread.ts';
import { createWatching } from '../../../../src/state/store/createWatching.ts';
import { startSession } from '../../../../src/state/store/startSession.ts';
import { assertPublishableKey } from '../../../../src/transport/assertPublishableKey.ts';
import { createRealtimeConnector } from '../../../../src/transport/createRealtimeConnector.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { browserStorage } from '../helpers.ts';
import { conversationOf, makeOutbox, makeState } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Starts a session over the real parts; realtime is "connected" with a connector nothing subscribes through. */
async function start(state: StoreState, idle: (run: () => void) => void = () => {}) {
  const unread = createUnread(state);
  const list = createConversationList(state, unread.counts);
  const watching = createWatching(state, { onEvent: () => {}, onJoined: () => {} });
  const outbox = makeOutbox(state);
  const opening = createOpening(state, { outbox, list, unread, watching, onIncoming: () => {} });
  let agentStarted = 0;
  await startSession(
    state,
    { list, unread, opening, watching, outbox, startAgent: () => void agentStarted++ },
    { checkKey: assertPublishableKey, session: browserStorage(), whenIdle: idle, connectRealtime: createRealtimeConnector },
  );
  return { list, watching, opening, agentStarted: () => agentStarted };
}

describe('startSession', () => {
  it('loads config and the list, says ready, opens the remembered thread, and connects realtime when idle', async () => {
    const id = await conversationOf(server.api, 'u_session_1');
    const storage = browserStorage();
    storage.set('ui:u_session_1', { open: true, conversationId: id });
    const { state, events } = makeState({ url: server.url, storage, attributes: { 'user-id': 'u_session_1' } });
    let idle: (() => void) | undefined;
    const { list, watching, agentStarted } = await start(state, (run) => void (idle = run));
    expect(state.status.value).toBe('ready');
    expect(state.config?.realtime).toBeDefined();
    expect(list.summaries.value.map((s) => s.conversation.id)).toEqual([id]);
    expect(state.thread.value?.conversationId).toBe(id);
    expect(events.map((e) => e.name)).toEqual(['ready']);
    expect(agentStarted()).toBe(1);
    expect(watching.connected()).toBe(false);
    idle?.();
    expect(watching.connected()).toBe(true);
    watching.dispose();
    state.thread.value?.dispose();
  });

  it('a secret key stops it before any request, with a sentence', async () => {
    const { state, events } = makeState({ url: server.url, attributes: { 'api-key': 'sk_live_nope' } });
    const { agentStarted } = await start(state);
    expect(state.status.value).toBe('error');
    expect(state.error.value?.key).toBe('errorSecretKey');
    expect(events).toEqual([{ name: 'error', detail: { sentence: state.error.value, fatal: true } }]);
    expect(agentStarted()).toBe(0);
  });

  it('a server that cannot be reached is fatal too; a wrong key says so', async () => {
    const unreachable = makeState({ url: 'http://127.0.0.1:9' }).state;
    await start(unreachable);
    expect([unreachable.status.value, unreachable.fatal.value]).toEqual(['error', true]);
    const wrong = makeState({ url: server.url, attributes: { 'api-key': 'pk_test_nope' } }).state;
    await start(wrong);
    expect(wrong.error.value).toEqual({ key: 'errorBadKey' });
  });
});
