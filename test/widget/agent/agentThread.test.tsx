import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { FullChatStore } from '../../../src/state/createChatStore.ts';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { until } from '../state/helpers.ts';
import { makeAgentStore } from './helpers/agentStore.ts';
import { startServerProcess } from './helpers/serverProcess.ts';

// The agent in the thread's views (happy-dom) over the real server (its own process: happy-dom's globals are no
// place for it) and its real agent endpoint.
let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await startServerProcess({ agent: { tokenDelayMs: 5, llm: undefined } }, [
    { text: `update agents set rate_limit = 1000 where id = 'demo-bot'` },
    {
      text: `insert into agents (id, tenant_id, name, visibility, allowed_origins, rate_limit, rate_window_seconds, allowed_models, default_model)
       values ('view-limited-bot', $1, 'Limited', 'public', '{}', 1, 30, '{tiny-demo-1}', 'tiny-demo-1')`,
      params: ['11111111-2222-3333-4444-555555555555'],
    },
  ]);
}, 60_000);
afterAll(() => server.close());

const stores: FullChatStore[] = [];
afterEach(() => {
  cleanup();
  for (const s of stores.splice(0)) s.dispose();
});

async function renderThread(store: FullChatStore) {
  stores.push(store);
  render(<ChatApp store={store} mode="inline" />);
  await until(() => store.status.value === 'ready' && store.agent.value !== null, 'ready with the agent');
  await store.startConversation();
  await until(() => store.thread.value?.ready.value, 'first page');
  return screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
}

function ask(box: HTMLTextAreaElement, text: string) {
  fireEvent.input(box, { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

const log = () => screen.getByRole('log', { name: 'Messages' });
const botRows = () => [...log().querySelectorAll('[data-message-id][data-mine="false"]')];

describe('the agent in the thread', () => {
  test("the reply streams as the log's last row with Stop generating, then becomes the bot's message with its sources", async () => {
    const box = await renderThread(makeAgentStore({ url: server.url, userId: 'u_view_1' }));
    expect(screen.getByRole('button', { name: 'Talk to a person' })).toBeTruthy();
    ask(box, 'How do I return a parcel?');
    const stop = await screen.findByRole('button', { name: 'Stop generating' }, { timeout: 15_000 });
    // The streaming row is inside the log, after every message row.
    const streaming = log().querySelector('[data-agent-reply]');
    expect(streaming).not.toBeNull();
    expect(within(log()).getByRole('button', { name: 'Stop generating' })).toBe(stop);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop generating' })).toBeNull(), { timeout: 15_000 });
    await waitFor(() => expect(botRows().filter((r) => r.getAttribute('data-status') === 'sent')).toHaveLength(1), { timeout: 15_000 });
    expect(log().querySelector('[data-agent-reply]')).toBeNull();
    const row = botRows()[0] as HTMLElement;
    expect(row.querySelector('.tc-msg-sender')?.textContent).toBe('Assistant');
    const sources = within(row).getByRole('list', { name: 'Sources' });
    expect(within(sources).getAllByRole('link')[0]?.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kb\//);
    // Markdown rendered, not shown as source.
    expect(row.textContent).not.toContain('Sources:');
    expect(row.textContent).not.toContain('**');
  });

  test('"Talk to a person" in the header posts a visible message and leaves the agent out of the conversation', async () => {
    const store = makeAgentStore({ url: server.url, userId: 'u_view_2' });
    const box = await renderThread(store);
    fireEvent.click(screen.getByRole('button', { name: 'Talk to a person' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Talk to a person' })).toBeNull());
    const thread = store.thread.value!;
    await until(() => thread.items.value[0]?.status === 'sent', 'sent');
    expect(thread.items.value[0]?.message.body).toBe('I would like to talk to a person, please.');
    ask(box, 'Hello?');
    await until(() => thread.items.value[1]?.status === 'sent', 'sent');
    expect(store.agent.value?.controller.reply.value).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop generating' })).toBeNull();
  });

  test('a 429 shows the wait counting down and the composer keeps the draft', async () => {
    const store = makeAgentStore({ url: server.url, userId: 'u_view_3', botId: 'view-limited-bot' });
    const box = await renderThread(store);
    ask(box, 'How do I return a parcel?');
    await waitFor(() => expect(botRows().filter((r) => r.getAttribute('data-status') === 'sent')).toHaveLength(1), { timeout: 15_000 });
    ask(box, 'And how long does delivery take?');
    const alert = await screen.findByText(/You have asked the assistant a lot/, {}, { timeout: 15_000 });
    expect(alert.textContent).toMatch(/You can send again in \d+ seconds?\./);
    const first = alert.textContent;
    await waitFor(() => expect(alert.textContent).not.toBe(first), { timeout: 5_000 });
    // Held: the draft stays in the box and nothing is queued.
    const count = store.thread.value!.items.value.length;
    ask(box, 'Are you there?');
    expect(box.value).toBe('Are you there?');
    expect(store.thread.value!.items.value).toHaveLength(count);
    // The way to a person is still one click away, and lifts the hold.
    fireEvent.click(screen.getByRole('button', { name: 'Talk to a person' }));
    await waitFor(() => expect(screen.queryByText(/You have asked the assistant a lot/)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(box.value).toBe('');
  });
});

describe('the agent with unhealthy providers', () => {
  let sick: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    // Its provider's health URL is a closed port: /v1/config says the agent is not healthy.
    sick = await startServerProcess({ agent: { llmProvider: 'claude', tokenDelayMs: 0 }, health: { urls: { claude: 'http://127.0.0.1:9/down' }, probeTimeoutMs: 300 } });
  }, 60_000);
  afterAll(() => sick.close());

  test('offers a person at once and does not ask the agent', async () => {
    const calls: string[] = [];
    const store = makeAgentStore({ url: sick.url, userId: 'u_view_4', agentFetch: async (input, init) => (calls.push(String(input)), fetch(input, init)) });
    const box = await renderThread(store);
    expect(store.config()?.agent?.healthy).toBe(false);
    expect(screen.getByText('The assistant is unavailable right now. A person can help you instead.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Talk to a person' })).toHaveLength(2);
    ask(box, 'Hello?');
    await until(() => store.thread.value?.items.value[0]?.status === 'sent', 'sent');
    expect(calls).toEqual([]);
  });
});
