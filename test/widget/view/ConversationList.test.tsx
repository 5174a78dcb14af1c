import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { LazyConversationList } from '../../../src/view/lazyConversationList.ts';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore } from './helpers/fixtureStore.ts';

// The list is a lazy chunk (a first visit opens into a thread): loaded up front, these tests are about the list itself.
beforeAll(async () => void (await LazyConversationList.preload()));

afterEach(cleanup);

/**
 * Matches an accessible name as Chromium computes it. happy-dom has no layout, so dom-accessibility-api puts a
 * space around every element (also the hidden inline commas): "Sam , Support"; Chromium reads "Sam, Support".
 */
const named = (expected: string | RegExp) => (name: string) => {
  const read = name.replace(/\s+,/g, ',').replace(/\s+/g, ' ').trim();
  return typeof expected === 'string' ? read === expected : expected.test(read);
};

describe('the conversation list', () => {
  test('each conversation is a button naming who it is with, its kind, last message, time and unread count', () => {
    const store = createFixtureStore({ open: true });
    store.addConversation('order', 'Your parcel is on the van', 0);
    store.addConversation('support', 'Where is parcel ACME-1?', 3);
    render(<ChatApp store={store} />);
    const list = screen.getByRole('list', { name: 'Conversations' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    // Newest first, as the store orders them; names read as separate parts.
    const first = store.conversations.value[0]!;
    const time = within(buttons[0]!).getByText((_, el) => el?.tagName === 'TIME');
    expect(time.getAttribute('datetime')).toBe(first.lastAt);
    expect(time.textContent).toMatch(/\d/);
    // The name is the button's own text (hidden commas between the parts): what is read is what is seen.
    const shown = time.textContent!.replace(/, $/, '');
    expect(buttons[0]!.hasAttribute('aria-label')).toBe(false);
    expect(within(list).getByRole('button', { name: named(`Sam, Support, Where is parcel ACME-1?, ${shown}, 3 unread`) })).toBe(buttons[0]);
    expect(buttons[0]!.querySelector('.tc-badge')?.textContent).toBe('3');
    expect(within(list).getByRole('button', { name: named(/^Sam, Order, Your parcel is on the van, /) })).toBe(buttons[1]);
    expect(buttons[1]!.textContent).not.toContain('unread');
  });

  test("an image without a caption reads as an image in the reader's language, not the server's marker", async () => {
    const store = createFixtureStore({ open: true });
    store.addConversation('support', '[image]', 0);
    render(<ChatApp store={store} locale="es" />);
    const list = await screen.findByRole('list', { name: 'Conversaciones' });
    expect(within(list).getByRole('button').textContent).toContain('📷 Imagen');
    expect(list.textContent).not.toContain('[image]');
  });

  test('clicking a conversation opens it', () => {
    const store = createFixtureStore({ open: true });
    const thread = store.addConversation('support', 'Hi there', 1);
    render(<ChatApp store={store} />);
    fireEvent.click(screen.getByRole('button', { name: named(/^Sam, Support, Hi there/) }));
    expect(store.calls.opened).toEqual([thread.conversationId]);
    expect(screen.getByRole('log', { name: 'Messages' })).toBeTruthy();
  });

  test('"New conversation" calls startConversation and lands in the thread', async () => {
    const store = createFixtureStore({ open: true });
    render(<ChatApp store={store} />);
    expect(screen.getByText('No conversations yet.')).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'New conversation' })));
    expect(store.calls.startConversation).toBe(1);
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  test('a last message with markup is shown as text', () => {
    const store = createFixtureStore({ open: true });
    store.addConversation('support', '<img src=x onerror="window.__xss=1"><b>bold</b>', 0);
    const { container } = render(<ChatApp store={store} />);
    const button = screen.getByRole('button', { name: named(/^Sam, Support, /) });
    expect(button.textContent).toContain('<img src=x onerror="window.__xss=1"><b>bold</b>');
    expect(container.querySelector('img, b')).toBeNull();
  });

  test('a conversation with no message yet says so', () => {
    const store = createFixtureStore({ open: true });
    store.addConversation('direct', null, 0);
    render(<ChatApp store={store} />);
    expect(screen.getByRole('button', { name: named('Sam, Direct message, No messages yet') })).toBeTruthy();
  });

  test('a support inbox names each visitor: a known name, else "Visitor" and the start of their anonymous id', () => {
    const store = createFixtureStore({ open: true, names: { u_ada: 'Ada Lovelace' } });
    const me = store.userId.value;
    const conversation = (id: string, visitor: string) => ({
      conversation: { id, tenant_id: 't_1', kind: 'support' as const, external_ref: null, participants: [visitor, me], last_at: null },
      kind: 'support' as const,
      lastMessage: 'Hello',
      lastAt: null,
      unread: 0,
    });
    store.setConversations([conversation('c_a', 'anon_3f9a1c22-8d4b-4f7e-9a61-0c2d1e5b7a90'), conversation('c_b', 'u_ada'), conversation('c_c', 'u_42')]);
    render(<ChatApp store={store} />);
    const names = within(screen.getByRole('list', { name: 'Conversations' }))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(['Visitor 3f9a1c, Support, Hello', 'Ada Lovelace, Support, Hello', 'u_42, Support, Hello']);
  });

  test('Up and Down arrows move between conversations, Home and End to the ends; Tab order is unchanged', () => {
    const store = createFixtureStore({ open: true });
    for (const text of ['three', 'two', 'one']) store.addConversation('support', text, 0);
    render(<ChatApp store={store} />);
    const buttons = within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('button');
    const focused = () => buttons.indexOf(document.activeElement as HTMLElement);
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(focused()).toBe(1);
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(focused()).toBe(2);
    fireEvent.keyDown(buttons[2]!, { key: 'ArrowDown' });
    expect(focused()).toBe(2);
    fireEvent.keyDown(buttons[2]!, { key: 'Home' });
    expect(focused()).toBe(0);
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowUp' });
    expect(focused()).toBe(0);
    // Modified arrows are the page's and the reader's, not ours.
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown', shiftKey: true });
    expect(focused()).toBe(0);
    expect(buttons.every((b) => b.tabIndex === 0)).toBe(true);
  });
});
