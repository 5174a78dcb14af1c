// @vitest-environment node
import { signal } from '@preact/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import type { StoreState } from '../../../../src/state/store/createStoreState.ts';
import type { Sentence } from '../../../../src/state/types.ts';
import { createConversationList } from '../../../../src/state/store/createConversationList.ts';
import { createOpening } from '../../../../src/state/store/createOpening.ts';
import { createUnread } from '../../../../src/state/store/createUnread.ts';
import { createWatching } from '../../../../src/state/store/createWatching.ts';
import { startSession } from '../../../../src/state/store/startSession.ts';
import { assertPublishableKey } from '../../../../src/transport/assertPublishableKey.ts';
import { createRealtimeConnector } from '../../../../src/transport/createRealtimeConnector.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { browserStorage, until } from '../helpers.ts';
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
  const startFailure = signal<Sentence | null>(null);
  const loop = startSession(
    state,
    { list, unread, opening, watching, outbox, startAgent: () => void agentStarted++, startFailure },
    { checkKey: assertPublishableKey, session: browserStorage(), whenIdle: idle, connectRealtime: createRealtimeConnector },
  );
  // Settled: started, refused, or waiting to try again after a failure that may pass.
  await until(() => state.status.value !== 'starting' || startFailure.value !== null, 'the first try');
  return { list, watching, opening, loop, startFailure, agentStarted: () => agentStarted };
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

  it('a service that is down is not fatal: it says why, tries again, and starts once the service answers', async () => {
    let down = true;
    const outage: typeof fetch = (input, init) => (down ? Promise.resolve(new Response('{"error":"unavailable"}', { status: 503 })) : fetch(input, init));
    const { state, events } = makeState({ url: server.url, fetch: outage, attributes: { 'user-id': 'u_session_3' } });
    const { loop, startFailure } = await start(state);
    expect([state.status.value, state.fatal.value, startFailure.value]).toEqual(['starting', false, { key: 'errorServer' }]);
    expect(state.error.value).toBeNull();
    expect(events).toEqual([{ name: 'error', detail: { sentence: { key: 'errorServer' }, fatal: false } }]);
    down = false;
    loop?.poke();
    await until(() => state.status.value === 'ready', 'ready once the service answers');
    expect(startFailure.value).toBeNull();
    expect(loop?.finished).toBe(true);
    loop?.dispose();
  });

  it('a wrong key is fatal and says so, with no retry', async () => {
    const wrong = makeState({ url: server.url, attributes: { 'api-key': 'pk_test_nope' } }).state;
    const { loop } = await start(wrong);
    expect(wrong.error.value).toEqual({ key: 'errorBadKey' });
    expect(wrong.status.value).toBe('error');
    expect(loop?.finished).toBe(true);
  });
});
