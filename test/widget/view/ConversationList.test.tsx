import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ChatApp } from '../../../src/view/index.ts';
import { createFixtureStore } from './helpers/fixtureStore.ts';

afterEach(cleanup);

describe('the conversation list', () => {
  test('each conversation is a button naming its kind, last message, time and unread count', () => {
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
    expect(buttons[0]!.getAttribute('aria-label')).toBe(`Support, Where is parcel ACME-1?, ${time.textContent}, 3 unread`);
    expect(buttons[0]!.textContent).toContain('3');
    expect(buttons[1]!.getAttribute('aria-label')).toMatch(/^Order, Your parcel is on the van, /);
    expect(buttons[1]!.getAttribute('aria-label')).not.toContain('unread');
  });

  test('clicking a conversation opens it', () => {
    const store = createFixtureStore({ open: true });
    const thread = store.addConversation('support', 'Hi there', 1);
    render(<ChatApp store={store} />);
    fireEvent.click(screen.getByRole('button', { name: /^Support, Hi there/ }));
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
    const button = screen.getByRole('button', { name: /^Support, / });
    expect(button.textContent).toContain('<img src=x onerror="window.__xss=1"><b>bold</b>');
    expect(container.querySelector('img, b')).toBeNull();
  });

  test('a conversation with no message yet says so', () => {
    const store = createFixtureStore({ open: true });
    store.addConversation('direct', null, 0);
    render(<ChatApp store={store} />);
    expect(screen.getByRole('button', { name: 'Direct message, No messages yet' })).toBeTruthy();
  });
});
