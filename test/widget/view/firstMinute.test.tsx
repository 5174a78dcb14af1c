import { signal, type Signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { formatBotBody } from '../../../src/state/agent/formatBotBody.ts';
import type { UploadItem } from '../../../src/state/types.ts';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, message, sentItem, SUPPORT, VISITOR } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const withTenant = <T extends object>(store: T, name = 'Acme Logistics') => Object.assign(store, { tenantName: signal<string | null>(name) });

describe("a visitor's first minute", () => {
  test('a new thread greets the visitor and names the team; once a person answers, the header names them', () => {
    const store = withTenant(createFixtureStore({ thread: {} }));
    render(<ChatApp store={store} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Acme Logistics');
    expect(screen.getByText('Hi there! How can we help?')).toBeTruthy();
    expect(screen.getByText('Write your question below and we will answer here.')).toBeTruthy();
    const thread = store.threads.get('c_1')!;
    act(() => thread.send('Where is my parcel?'));
    expect(screen.queryByText('Hi there! How can we help?')).toBeNull();
    act(() => void thread.receive('Hi, Sam here', SUPPORT));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sam');
  });

  test('the greeting and reply-time attributes are shown as the site wrote them, in the sentence of the widget', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} welcome={{ greeting: 'Welcome to Acme! 👋', replyTime: 'within an hour' }} />);
    expect(screen.getByText('Welcome to Acme! 👋').getAttribute('dir')).toBe('auto');
    expect(screen.getByText('We usually reply within an hour.')).toBeTruthy();
  });

  test('the typing line names people the way their rows do', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    // The real thread model also says who types by id (`typers`); an anonymous visitor gives no name.
    const typers = signal<readonly string[]>([]);
    Object.assign(store.threads.get('c_1')!, { typers });
    render(<ChatApp store={store} />);
    act(() => void (typers.value = ['anon_c4c939aa-1111']));
    expect(screen.getByText('Visitor c4c939 is typing…')).toBeTruthy();
    act(() => void (typers.value = [SUPPORT]));
    expect(screen.getByText('Sam is typing…')).toBeTruthy();
  });

  test('message text, senders, previews and the composer lay out in their own direction (dir=auto)', () => {
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(message({ sender_id: SUPPORT, body: 'Hello مرحبا' }))] } });
    render(<ChatApp store={store} locale="ar" />);
    const row = screen.getByRole('log').querySelector('[data-message-id]')!;
    expect(row.querySelector('.tc-msg-bubble')!.getAttribute('dir')).toBe('auto');
    expect(row.querySelector('.tc-msg-sender')!.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('textbox').getAttribute('dir')).toBe('auto');
  });
});

describe('rows', () => {
  test('"More actions" opens and closes the row menu (the touch layout), and Delete is marked destructive', () => {
    const mine = message({ sender_id: VISITOR, body: 'Mine' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(mine)] } });
    render(<ChatApp store={store} />);
    const more = screen.getByRole('button', { name: 'More actions' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const group = screen.getByRole('group', { name: 'Message actions' });
    expect(within(group).getByRole('button', { name: 'Delete' }).classList.contains('tc-danger-text')).toBe(true);
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  test('an image message has its frame from the first render, before its code or bytes', () => {
    const image = message({ sender_id: SUPPORT, body: null, message_type: 'image', media_url: 'https://cdn.example.com/a.png' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(image)] } });
    render(<ChatApp store={store} />);
    const row = screen.getByRole('log').querySelector(`[data-message-id="${image.id}"]`)!;
    expect(row.querySelector('.tc-msg-frame')).not.toBeNull();
  });

  test("an agent's message renders as markdown with its sources where no agent is configured (the inbox)", async () => {
    const body = formatBotBody('Returns are **free** within 30 days.', [{ url: 'https://x.test/kb/returns', title: 'Returns and refunds' }]);
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(message({ sender_id: 'bot:demo-bot', body }))] } });
    render(<ChatApp store={store} />);
    const log = screen.getByRole('log');
    await waitFor(() => expect(log.querySelector('strong')?.textContent).toBe('free'));
    expect(log.textContent).not.toContain('**');
    expect(within(log).getByRole('list', { name: 'Sources' }).textContent).toContain('Returns and refunds');
    expect(within(log).getByText('Assistant')).toBeTruthy();
  });

  test('a refused upload offers no Retry that cannot help, only Dismiss', async () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} />);
    const thread = store.threads.get('c_1')!;
    const refused: UploadItem = {
      id: 'u1',
      file: new Blob(['x'], { type: 'image/png' }),
      name: 'big.png',
      progress: 0,
      status: 'failed',
      error: { key: 'errorFileType' },
      retryable: false,
    };
    act(() => void ((thread.uploads as Signal<readonly UploadItem[]>).value = [refused]));
    await screen.findByText(/big\.png was not uploaded/);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(thread.uploads!.value).toEqual([]);
    expect(screen.queryByText(/big\.png was not uploaded/)).toBeNull();
  });
});
