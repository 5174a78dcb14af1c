import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, message, sentItem } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('ChatApp in bubble mode', () => {
  test('the launcher opens and closes the panel, with aria-expanded and its name following', () => {
    const store = createFixtureStore();
    render(<ChatApp store={store} />);
    const launcher = screen.getByRole('button', { name: 'Open chat' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.getAttribute('part')).toBe('launcher');
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(launcher);
    const panel = screen.getByRole('dialog', { name: 'Chat' });
    expect(panel.getAttribute('aria-modal')).toBe('false');
    expect(panel.getAttribute('part')).toBe('panel');
    expect(launcher.getAttribute('aria-label')).toBe('Close chat');
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(launcher.getAttribute('aria-controls')).toBe(panel.id);

    fireEvent.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.isOpen.value).toBe(false);
  });

  test('the unread badge is in the launcher name and updates live', () => {
    const store = createFixtureStore();
    store.addConversation('support', 'Hi', 2);
    render(<ChatApp store={store} />);
    expect(screen.getByRole('button', { name: 'Open chat, 2 unread' })).toBeTruthy();
    act(() => void store.addConversation('order', 'Your parcel', 120));
    const launcher = screen.getByRole('button', { name: 'Open chat, 122 unread' });
    expect(launcher.textContent).toContain('99+');
  });

  test('focus moves to the message box on open and back to the launcher when Escape closes', async () => {
    const store = createFixtureStore({ thread: { items: [sentItem(message({ body: 'Hello' }))] } });
    render(<ChatApp store={store} />);
    const launcher = screen.getByRole('button', { name: 'Open chat' });
    launcher.focus();
    fireEvent.click(launcher);
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open chat' }));
  });

  test('Escape on the launcher closes an open panel too; a log is not itself live (the announcer is)', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} />);
    expect(screen.getByRole('log', { name: 'Messages' }).getAttribute('aria-live')).toBe('off');
    fireEvent.keyDown(screen.getByRole('button', { name: 'Close chat' }), { key: 'Escape' });
    expect(store.isOpen.value).toBe(false);
  });

  test('on the list screen focus goes to "New conversation"; the header has a Close button that is not "Close chat"', () => {
    const store = createFixtureStore();
    render(<ChatApp store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New conversation' }));
    const panel = screen.getByRole('dialog', { name: 'Chat' });
    expect(within(panel).queryByRole('button', { name: /^Close chat/ })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(store.isOpen.value).toBe(false);
  });

  test('a panel restored open at load does not take focus; opened later by the element API, it does', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} />);
    expect(screen.getByRole('dialog', { name: 'Chat' })).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
    act(() => store.close());
    act(() => store.open());
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
  });

  test('opening a conversation moves focus to its message box, and Back returns to the list', () => {
    const store = createFixtureStore();
    store.addConversation('support', 'Where is my parcel?', 1);
    render(<ChatApp store={store} />);
    fireEvent.click(screen.getByRole('button', { name: /^Open chat/ }));
    fireEvent.click(within(screen.getByRole('list', { name: 'Conversations' })).getByRole('button'));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to conversations' }));
    expect(screen.getByRole('list', { name: 'Conversations' })).toBeTruthy();
    expect(screen.queryByRole('log')).toBeNull();
  });

  test('a closed panel opened by the store (the element API) renders', () => {
    const store = createFixtureStore();
    render(<ChatApp store={store} />);
    act(() => store.open());
    expect(screen.getByRole('dialog', { name: 'Chat' })).toBeTruthy();
  });
});

describe('ChatApp in inline and fullscreen modes', () => {
  test('inline: a region named "Chat", always shown, no launcher, Escape does not close, focus is not taken', () => {
    const store = createFixtureStore();
    render(<ChatApp store={store} mode="inline" />);
    const region = screen.getByRole('region', { name: 'Chat' });
    expect(screen.queryByRole('button', { name: /chat/i })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(region, { key: 'Escape' });
    expect(screen.getByRole('region', { name: 'Chat' })).toBeTruthy();
  });

  test('fullscreen: a dialog named "Chat", always shown, no launcher', () => {
    render(<ChatApp store={createFixtureStore()} mode="fullscreen" />);
    expect(screen.getByRole('dialog', { name: 'Chat' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Open chat/ })).toBeNull();
  });

  test('starting shows a status; a fatal error shows its sentence in an alert and no list', () => {
    const store = createFixtureStore({ open: true });
    store.setStatus('starting');
    render(<ChatApp store={store} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    act(() => {
      store.setStatus('error');
      store.setError({ key: 'errorSecretKey', values: { prefix: 'tiny_sk_' } });
    });
    expect(screen.getByRole('alert').textContent).toContain('publishable key');
    expect(screen.queryByRole('list', { name: 'Conversations' })).toBeNull();
  });
});
