// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { splitBotBody } from '../../../src/state/agent/botMessage.ts';
import type { FullChatStore } from '../../../src/state/createChatStore.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { browserStorage, until } from '../state/helpers.ts';
import { makeAgentStore, recordingFetch } from './helpers/agentStore.ts';

// The widget's agent flow (issue 5, items 5-6) against the real server: its REST API and its real agent endpoint.
let server: RunningServer & { api: Api };
beforeAll(async () => {
  // 5 ms a token: a reply takes long enough that "Stop generating" lands mid-reply.
  server = await startTestServer({ agent: { tokenDelayMs: 5, llm: undefined } });
  await server.db.query(`update agents set rate_limit = 1000 where id = 'demo-bot'`);
  await server.db.query(
    `insert into agents (id, tenant_id, name, visibility, allowed_origins, rate_limit, rate_window_seconds, allowed_models, default_model)
     values ('flow-limited-bot', $1, 'Limited', 'public', '{}', 1, 2, '{tiny-demo-1}', 'tiny-demo-1')`,
    ['11111111-2222-3333-4444-555555555555'],
  );
}, 60_000);
afterAll(() => server.close());

async function history(conversationId: string) {
  const res = await server.api(`/v1/conversations/${conversationId}/messages?limit=200`);
  return res.body.messages as { id: string; body: string; sender_id: string }[];
}

async function openThread(store: FullChatStore) {
  await until(() => store.status.value === 'ready' && store.agent.value !== null, 'ready with the agent');
  await store.startConversation();
  const thread = store.thread.value!;
  await until(() => thread.ready.value, 'first page');
  return thread;
}

const agentOf = (store: FullChatStore) => store.agent.value!.controller;

describe('the agent in the store, against the local server', () => {
  it('answers a confirmed message: the reply streams, then is posted once as bot:demo-bot with its sources', async () => {
    const rec = recordingFetch();
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_1', agentFetch: rec.fetch });
    const thread = await openThread(store);
    thread.send('How do I return a parcel?');
    // Not before the server has the visitor's message.
    expect(agentOf(store).reply.value).toBeNull();
    await until(() => agentOf(store).reply.value !== null, 'the reply starts');
    const reply = agentOf(store).reply.value!.model;
    const lengths = new Set<number>();
    const stop = reply.text.subscribe((t) => lengths.add(t.length));
    await until(() => agentOf(store).reply.value === null, 'the reply ends');
    stop();
    expect(lengths.size).toBeGreaterThan(3);
    await until(() => thread.items.value.some((i) => i.message.sender_id === 'bot:demo-bot' && i.status === 'sent'), 'posted');
    const stored = await history(thread.conversationId);
    expect(stored.map((m) => m.sender_id)).toEqual(['u_agent_1', 'bot:demo-bot']);
    const { text, sources } = splitBotBody(stored[1]!.body);
    expect(text).toBe(reply.text.value.trimEnd());
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0]!.url).toMatch(/^http:\/\/.+\/kb\//);
    const bot = thread.items.value.find((i) => i.message.sender_id === 'bot:demo-bot')!;
    expect(bot.mine).toBe(false);
    expect(rec.bodies[0]).toMatchObject({ botId: 'demo-bot', messages: [{ role: 'user', content: 'How do I return a parcel?' }] });

    // The next question carries the conversation: the visitor as user, the bot (without its sources) as assistant.
    thread.send('And how long does shipping take?');
    await until(() => rec.bodies.length === 2, 'second ask');
    expect(rec.bodies[1]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(rec.bodies[1]!.messages[1]!.content).toBe(text);
    await until(() => agentOf(store).reply.value === null, 'second reply ends');
    store.dispose();
  });

  it('Stop generating posts what arrived, once, and the next question is answered in full', async () => {
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_2' });
    const thread = await openThread(store);
    thread.send('How do I return a parcel?');
    await until(() => (agentOf(store).reply.value?.model.text.value.length ?? 0) > 0, 'some text');
    const reply = agentOf(store).reply.value!.model;
    reply.stop();
    expect(reply.status.value).toBe('stopped');
    const partial = reply.text.value;
    await until(() => thread.items.value.some((i) => i.message.sender_id === 'bot:demo-bot' && i.status === 'sent'), 'partial posted');
    thread.send('How long does shipping take?');
    await until(() => thread.items.value.filter((i) => i.message.sender_id === 'bot:demo-bot' && i.status === 'sent').length === 2, 'second posted');
    const stored = await history(thread.conversationId);
    expect(stored.map((m) => m.sender_id)).toEqual(['u_agent_2', 'bot:demo-bot', 'u_agent_2', 'bot:demo-bot']);
    expect(stored[1]!.body).toBe(partial.trimEnd());
    expect(splitBotBody(stored[3]!.body).sources.length).toBeGreaterThan(0);
    store.dispose();
  });

  it('posts a reply once when the answer to its POST was lost (the reply id is the Idempotency-Key)', async () => {
    let dropped = 0;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (init?.method === 'POST' && String(init.body).includes('bot:demo-bot') && dropped === 0) {
        dropped += 1;
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_3', fetch: lossy });
    const thread = await openThread(store);
    thread.send('Where is my parcel?');
    await until(() => thread.items.value.some((i) => i.message.sender_id === 'bot:demo-bot' && i.status === 'sent'), 'posted');
    expect(dropped).toBe(1);
    expect((await history(thread.conversationId)).map((m) => m.sender_id)).toEqual(['u_agent_3', 'bot:demo-bot']);
    store.dispose();
  });

  it('"Talk to a person" stops the agent in that conversation, also after a reload', async () => {
    const storage = browserStorage();
    const rec = recordingFetch();
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_4', storage, agentFetch: rec.fetch });
    const thread = await openThread(store);
    expect(agentOf(store).answers(thread.conversationId, thread.items.value)).toBe(true);
    agentOf(store).talkToPerson(thread.conversationId);
    thread.send('I would like to talk to a person, please.');
    await until(() => thread.items.value[0]?.status === 'sent', 'sent');
    thread.send('Anyone there?');
    await until(() => thread.items.value[1]?.status === 'sent', 'sent');
    expect(rec.bodies).toEqual([]);
    const id = thread.conversationId;
    store.dispose();

    const again = makeAgentStore({ url: server.url, userId: 'u_agent_4', storage, agentFetch: rec.fetch });
    await until(() => again.status.value === 'ready' && again.agent.value !== null, 'ready');
    again.openConversation(id);
    const reopened = again.thread.value!;
    await until(() => reopened.ready.value, 'first page');
    expect(agentOf(again).answers(id, reopened.items.value)).toBe(false);
    reopened.send('Still there?');
    await until(() => reopened.items.value.at(-1)?.status === 'sent', 'sent');
    expect(rec.bodies).toEqual([]);
    expect((await history(id)).every((m) => m.sender_id === 'u_agent_4')).toBe(true);
    again.dispose();
  });

  it('a person writing in the conversation takes it over from the agent', async () => {
    const rec = recordingFetch();
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_5', agentFetch: rec.fetch });
    const thread = await openThread(store);
    const sent = await server.api(`/v1/conversations/${thread.conversationId}/messages`, { method: 'POST', json: { sender_id: 'support', body: 'Hi, Sam here.' } });
    expect(sent.status).toBe(201);
    await store.thread.value!.backfill();
    expect(agentOf(store).answers(thread.conversationId, thread.items.value)).toBe(false);
    expect(agentOf(store).handedOver.value.has(thread.conversationId)).toBe(true);
    thread.send('Thanks Sam');
    await until(() => thread.items.value.at(-1)?.status === 'sent', 'sent');
    expect(rec.bodies).toEqual([]);
    store.dispose();
  });

  it('an agent error keeps the question, offers a person, and "Talk to a person" clears it', async () => {
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_7', botId: 'no-such-bot' });
    const thread = await openThread(store);
    thread.send('Hello?');
    await until(() => agentOf(store).failure.value !== null, 'the failure');
    expect(agentOf(store).failure.value?.error.kind).toBe('agent-http');
    expect(agentOf(store).reply.value?.model.status.value).toBe('error');
    expect((await history(thread.conversationId)).map((m) => m.sender_id)).toEqual(['u_agent_7']);
    agentOf(store).talkToPerson(thread.conversationId);
    expect(agentOf(store).failure.value).toBeNull();
    expect(agentOf(store).reply.value).toBeNull();
    expect(agentOf(store).answers(thread.conversationId, thread.items.value)).toBe(false);
    store.dispose();
  });

  it('a 429 holds sending (the draft stays) and shows the wait; once it is over the visitor can ask again', async () => {
    const store = makeAgentStore({ url: server.url, userId: 'u_agent_6', botId: 'flow-limited-bot' });
    const thread = await openThread(store);
    thread.send('How do I return a parcel?');
    await until(() => thread.items.value.some((i) => i.message.sender_id === 'bot:flow-limited-bot' && i.status === 'sent'), 'first answer');
    // The window may have just turned over: ask until the limit is hit (at most a few times).
    for (let i = 0; i < 3 && agentOf(store).rateLimit.value === null; i++) {
      const before = thread.items.value.length;
      thread.send(`Question ${i}`);
      await until(() => agentOf(store).rateLimit.value !== null || thread.items.value.length >= before + 2, 'answer or 429');
      await until(() => agentOf(store).reply.value === null, 'reply settled');
    }
    const wait = agentOf(store).rateLimit.value;
    expect(wait?.error.kind).toBe('agent-rate-limit');
    expect(wait!.error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(thread.canSend?.()).toBe(false);
    await until(() => thread.canSend?.() === true, 'the wait is over');
    agentOf(store).endWait();
    const asked = thread.items.value.length;
    thread.send('How long does shipping take?');
    await until(() => thread.items.value.length === asked + 2 && thread.items.value.at(-1)?.status === 'sent', 'answered again');
    expect(thread.items.value.at(-1)!.message.sender_id).toBe('bot:flow-limited-bot');
    store.dispose();
  });
});
