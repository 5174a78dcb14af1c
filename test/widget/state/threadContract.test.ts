// @vitest-environment node
/**
 * One contract, two implementations: the same cases run against the real store (over the real server) and the
 * fixture store the component tests use, so what the component tests rely on is what the widget does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import type { ThreadModel } from '../../../src/state/types.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { createFixtureStore, type FixtureThread } from '../view/helpers/fixtureStore.ts';
import { makeStore, until } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A thread to drive, and how its pending sends get confirmed by the server. */
interface Subject {
  thread: ThreadModel;
  /** Resolves once every pending row is sent (the fixture: confirms them; the real store: waits for the server). */
  confirmAll(): Promise<void>;
  dispose(): void;
}

let visitors = 0;
const subjects: Record<string, () => Promise<Subject>> = {
  async 'the real store'() {
    const { store } = makeStore({ url: server.url, attributes: { 'user-id': `u_contract_${++visitors}` } });
    await until(() => store.status.value === 'ready', 'ready');
    await store.startConversation();
    const thread = store.thread.value!;
    await until(() => thread.ready.value, 'first page');
    return {
      thread,
      confirmAll: () => until(() => thread.items.value.every((i) => i.status === 'sent'), 'every row sent'),
      dispose: () => store.dispose(),
    };
  },
  async 'the fixture store'() {
    const store = createFixtureStore({ thread: {} });
    const thread = store.thread.value as FixtureThread;
    return {
      thread,
      async confirmAll() {
        for (const item of thread.items.value) if (item.status === 'pending') thread.confirm(item.key);
      },
      dispose: () => {},
    };
  },
};

describe.each(Object.keys(subjects))('the thread contract: %s', (name) => {
  const make = subjects[name]!;

  it('a send shows at once as pending, mine, trimmed; confirmed, the same row (same key) is sent with the server id', async () => {
    const { thread, confirmAll, dispose } = await make();
    thread.send('  first words  ');
    const [pending] = thread.items.value;
    expect(thread.items.value).toHaveLength(1);
    expect(pending).toMatchObject({ status: 'pending', mine: true, error: null, message: { body: 'first words' } });
    await confirmAll();
    const [sent] = thread.items.value;
    expect(thread.items.value).toHaveLength(1);
    expect(sent).toMatchObject({ key: pending!.key, status: 'sent', mine: true, message: { body: 'first words' } });
    expect(sent!.message.id).not.toBe(pending!.key);
    dispose();
  });

  it('empty text sends nothing; sends keep their order and each its own key', async () => {
    const { thread, confirmAll, dispose } = await make();
    thread.send('   ');
    expect(thread.items.value).toEqual([]);
    thread.send('one');
    thread.send('two');
    const keys = thread.items.value.map((i) => i.key);
    expect(new Set(keys).size).toBe(2);
    await confirmAll();
    expect(thread.items.value.map((i) => [i.key, i.message.body, i.status])).toEqual([
      [keys[0], 'one', 'sent'],
      [keys[1], 'two', 'sent'],
    ]);
    dispose();
  });
});
