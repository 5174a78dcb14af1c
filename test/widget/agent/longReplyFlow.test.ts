// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import type { FullChatStore } from '../../../src/state/createChatStore.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { browserStorage, until } from '../state/helpers.ts';
import { makeAgentStore } from './helpers/agentStore.ts';
import { sseReply } from './helpers/sse.ts';

// The agent end to end against the real server: a reply of any length is kept, and "talk to a human" hands over.
let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer({ agent: { tokenDelayMs: 0, llm: undefined } });
  await server.db.query(`update agents set rate_limit = 1000 where id = 'demo-bot'`);
}, 60_000);
afterAll(() => server.close());

const paragraphs = Array.from({ length: 50 }, (_, p) => `**Part ${p}.** ` + Array.from({ length: 80 }, (_, w) => `word${w}`).join(' '));
const longAnswer = paragraphs.join('\n\n');
/** An agent that answers with a reply of ~28,000 characters, in 200-character tokens. */
const longAgent: typeof fetch = async () => {
  const tokens = longAnswer.match(/[^]{1,200}/g) ?? [];
  return new Response(sseReply(tokens, [{ id: 'returns', url: `${server.url}/kb/returns`, title: 'Returns and refunds', type: 'url' }]), {
    headers: { 'content-type': 'text/event-stream' },
  });
};

async function history(conversationId: string) {
  const res = await server.api(`/v1/conversations/${conversationId}/messages?limit=200`);
  return res.body.messages as { body: string; sender_id: string }[];
}

async function ready(store: FullChatStore) {
  await until(() => store.status.value === 'ready' && store.agent.value !== null, 'ready with the agent');
}

describe('a long agent reply', () => {
  it('is posted as several bot messages within the limit, in order, once each, and shows as one, after a reload too', async () => {
    const storage = browserStorage();
    const store = makeAgentStore({ url: server.url, userId: 'u_long_1', agentFetch: longAgent, storage });
    await ready(store);
    store.open();
    store.thread.value!.send('Tell me everything');
    await until(() => store.thread.value!.conversationId !== '', 'conversation');
    const thread = store.thread.value!;
    await until(() => thread.items.value.some((i) => i.message.sender_id === 'bot:demo-bot' && i.status === 'sent'), 'posted');
    const stored = await history(thread.conversationId);
    const bot = stored.filter((m) => m.sender_id === 'bot:demo-bot');
    expect(longAnswer.length).toBeGreaterThan(25_000);
    expect(bot.length).toBeGreaterThanOrEqual(3);
    for (const m of bot) expect(m.body.length).toBeLessThanOrEqual(10_000);
    expect(stored.map((m) => m.sender_id)).toEqual(['u_long_1', ...bot.map(() => 'bot:demo-bot')]);
    const shown = thread.items.value.filter((i) => i.message.sender_id === 'bot:demo-bot');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message.body).toContain(paragraphs[0]);
    expect(shown[0]!.message.body).toContain(paragraphs[49]);
    expect(shown[0]!.message.body).toMatch(/Sources:\n- \[Returns and refunds\]/);
    store.dispose();

    const reloaded = makeAgentStore({ url: server.url, userId: 'u_long_1', agentFetch: longAgent, storage });
    await ready(reloaded);
    await until(() => reloaded.thread.value?.ready.value === true, 'history');
    const again = reloaded.thread.value!.items.value;
    expect(again.map((i) => i.message.sender_id)).toEqual(['u_long_1', 'bot:demo-bot']);
    expect(again[1]!.message.body).toBe(shown[0]!.message.body);
    reloaded.dispose();
  });
});

describe('asking for a person in words', () => {
  it('the demo agent says a person will answer here and the widget hands the conversation over', async () => {
    const store = makeAgentStore({ url: server.url, userId: 'u_human_1' });
    await ready(store);
    store.open();
    store.thread.value!.send('I want to talk to a human');
    await until(() => store.thread.value!.conversationId !== '', 'conversation');
    const id = store.thread.value!.conversationId;
    const controller = store.agent.value!.controller;
    await until(() => controller.handedOver.value.has(id), 'handed over');
    await until(() => store.thread.value!.items.value.some((i) => i.message.sender_id === 'bot:demo-bot' && i.status === 'sent'), 'reply posted');
    const reply = store.thread.value!.items.value.find((i) => i.message.sender_id === 'bot:demo-bot')!;
    expect(reply.message.body).toMatch(/a person will answer/);
    // Handed over: the next message is not answered by the agent.
    expect(controller.answers(id, store.thread.value!.items.value)).toBe(false);
    store.dispose();
  });
});
