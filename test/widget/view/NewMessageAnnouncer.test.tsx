import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, message, sentItem, SUPPORT, type FixtureStore } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

/** The open thread with its polite live region: what it has said so far, one entry per announcement. */
function announcer(store: FixtureStore) {
  render(<ChatApp store={store} />);
  const log = screen.getByRole('log', { name: 'Messages' });
  const live = document.querySelector<HTMLElement>('[aria-live="polite"][aria-relevant="additions"]');
  if (live === null) throw new Error('no polite live region');
  return { log, live, said: () => [...live.children].map((p) => p.textContent) };
}

describe('the announcer of new messages', () => {
  test('is a polite region outside the log, reading only additions', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    const { log, live } = announcer(store);
    expect(log.contains(live)).toBe(false);
    expect(log.getAttribute('aria-live')).toBe('off');
    expect(live.getAttribute('aria-relevant')).toBe('additions');
    expect(live.className).toContain('tc-visually-hidden');
  });

  test('announces each message from others once; not history already there, not older pages, not own sends', async () => {
    const older = [sentItem(message({ body: 'An older page' }))];
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(message({ body: 'Old news' }))], olderPages: [older] } });
    const { said } = announcer(store);
    const thread = store.threads.get('c_1')!;
    expect(said()).toEqual([]);

    await act(() => thread.loadOlder());
    expect(said()).toEqual([]);

    act(() => thread.send('My own words'));
    act(() => thread.confirm(thread.items.value.at(-1)!.key));
    expect(said()).toEqual([]);

    act(() => void thread.receive('It is on the van'));
    expect(said()).toEqual(['Sam: It is on the van']);
    // The same words again are a new message and are read again (a new node, not the same text re-set).
    act(() => void thread.receive('It is on the van'));
    expect(said()).toEqual(['Sam: It is on the van', 'Sam: It is on the van']);

    // An edit of a message already read, or the same message delivered again, is not news.
    const items = thread.items.value;
    const last = items.at(-1)!;
    act(() => thread.setItems([...items.slice(0, -1), { ...last, message: { ...last.message, body: 'edited', edited_at: last.message.created_at } }]));
    act(() => thread.setItems([...thread.items.value]));
    expect(said()).toHaveLength(2);
  });

  test('several messages arriving together are each announced, in order, and only the last few are kept', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    const { said } = announcer(store);
    const thread = store.threads.get('c_1')!;
    const batch = ['one', 'two', 'three', 'four'].map((body) => sentItem(message({ body, sender_id: SUPPORT })));
    act(() => thread.setItems([...thread.items.value, ...batch]));
    expect(said()).toEqual(['Sam: two', 'Sam: three', 'Sam: four']);
  });

  test("another's message that appears pending (the agent's reply this browser posts) is read once it is sent, once", async () => {
    const store = createFixtureStore({ open: true, thread: {} });
    const { said } = announcer(store);
    const thread = store.threads.get('c_1')!;
    const reply = message({ id: 'client_bot_1', sender_id: 'bot:demo-bot', body: 'Returns are free.' });
    act(() => thread.setItems([{ key: 'client_bot_1', message: reply, status: 'pending', mine: false, error: null }]));
    expect(said()).toEqual([]);
    // The visitor writes meanwhile: their line comes after the pending reply.
    act(() => thread.send('Thanks'));
    act(() => thread.confirm('client_bot_1'));
    // An agent's words go through plainText, a chunk of its own: read a moment later, never with markdown.
    await waitFor(() => expect(said()).toEqual(['Assistant: Returns are free.']));
    act(() => thread.setItems([...thread.items.value]));
    expect(said()).toHaveLength(1);
  });

  test('switching to another thread is not news', () => {
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(message({ body: 'First thread' }))] } });
    const other = store.addConversation('support', 'Other thread', 1, { items: [sentItem(message({ body: 'Other thread', conversation_id: 'c_9' }))], conversationId: 'c_9' });
    const { said } = announcer(store);
    act(() => store.backToList());
    act(() => store.openConversation(other.conversationId));
    expect(screen.getByText('Other thread', { selector: '[data-message-id] *' })).toBeTruthy();
    expect(said()).toEqual([]);
  });
});
