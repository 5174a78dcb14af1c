import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, message, sentItem, SUPPORT, VISITOR, type FixtureStore } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function openThread(store: FixtureStore) {
  render(<ChatApp store={store} />);
  const log = screen.getByRole('log', { name: 'Messages' });
  /** Every element in the log carrying a message whose text contains `text`. */
  const rows = (text: string) => [...log.querySelectorAll<HTMLElement>('[data-message-id]')].filter((el) => el.textContent?.includes(text));
  return { log, rows };
}

describe('a thread', () => {
  test('shows each message once, with its sender, time, status and whose it is', () => {
    const mine = message({ sender_id: VISITOR, body: 'Where is my parcel?' });
    const theirs = message({ sender_id: SUPPORT, body: 'On the van.' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(mine), sentItem(theirs)] } });
    const { log, rows } = openThread(store);
    expect(log.querySelectorAll('[data-message-id]')).toHaveLength(2);
    const [a] = rows('Where is my parcel?');
    expect(rows('Where is my parcel?')).toHaveLength(1);
    expect(a!.dataset).toMatchObject({ messageId: mine.id, status: 'sent', mine: 'true' });
    const [b] = rows('On the van.');
    expect(b!.dataset).toMatchObject({ messageId: theirs.id, status: 'sent', mine: 'false' });
    expect(b!.textContent).toContain('Sam');
    expect(b!.querySelector('time')?.getAttribute('datetime')).toBe(theirs.created_at);
    expect(b!.getAttribute('part')).toBe('message');
  });

  test('a send shows at once as pending, then sent on the same element, and is never doubled', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    const { rows } = openThread(store);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Hello there' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const [pending] = rows('Hello there');
    expect(pending!.dataset).toMatchObject({ status: 'pending', mine: 'true' });
    const key = pending!.dataset['messageId']!;
    act(() => store.threads.get('c_1')!.confirm(key));
    const after = rows('Hello there');
    expect(after).toHaveLength(1);
    expect(after[0]).toBe(pending);
    // Once sent it carries the server's id (docs: rowId), so a reply's reply_to finds it.
    expect(after[0]!.dataset).toMatchObject({ status: 'sent', messageId: `srv_${key}` });
  });

  test('a failed send shows its sentence and a Retry button that retries it', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    const { rows } = openThread(store);
    const thread = store.threads.get('c_1')!;
    act(() => thread.send('Answer lost'));
    const key = thread.items.value[0]!.key;
    act(() => thread.fail(key, { key: 'errorOffline' }));
    const [row] = rows('Answer lost');
    expect(row!.dataset['status']).toBe('failed');
    expect(row!.textContent).toContain('You are offline.');
    fireEvent.click(within(row!).getByRole('button', { name: 'Retry' }));
    expect(thread.retried).toEqual([key]);
    expect(rows('Answer lost')[0]!.dataset['status']).toBe('pending');
    expect(within(rows('Answer lost')[0]!).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  test('markup, scripts and javascript: links are text; only http(s) URLs become safe links', () => {
    const bodies = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      'javascript:window.__xss=3',
      '[click me](javascript:window.__xss=4)',
      'data:text/html,<b>x</b> and JaVaScRiPt:alert(1)',
      'See https://example.com/track?id=1 please, or (https://example.com/a_(b)).',
    ];
    const store = createFixtureStore({ open: true, thread: { items: bodies.map((body) => sentItem(message({ body }))) } });
    const { log, rows } = openThread(store);
    for (const body of bodies.slice(0, 5)) {
      expect(rows(body), body).toHaveLength(1);
      expect(rows(body)[0]!.querySelector('.tc-msg-text')!.textContent).toBe(body);
    }
    expect(log.querySelectorAll('img, script, iframe, object, embed, b')).toHaveLength(0);
    const links = [...log.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/track?id=1', 'https://example.com/a_(b)']);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(rows('See https')[0]!.querySelector('.tc-msg-text')!.textContent).toBe(bodies[5]);
  });

  test('an image message is an <img> only for an http(s) media_url', async () => {
    const ok = message({ message_type: 'image', body: null, media_url: 'https://cdn.example.com/p.png' });
    const bad = message({ message_type: 'image', body: 'caption', media_url: 'javascript:alert(1)' });
    const data = message({ message_type: 'image', body: null, media_url: 'data:image/png;base64,AAAA' });
    const store = createFixtureStore({ open: true, thread: { items: [ok, bad, data].map((m) => sentItem(m)) } });
    const { log } = openThread(store);
    // Image messages are a lazy chunk: wait for it to render them.
    await waitFor(() => expect(log.textContent?.match(/Image unavailable/g)).toHaveLength(2));
    const images = log.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe('https://cdn.example.com/p.png');
    expect(images[0]!.getAttribute('alt')).toBe('Image from Sam');
    expect(log.textContent).toContain('caption');
    expect(log.textContent?.match(/Image unavailable/g)).toHaveLength(2);
  });

  test('deleted messages say so and keep no text; edited ones are marked', () => {
    const deleted = message({ body: 'secret', deleted_at: new Date().toISOString() });
    const edited = message({ body: 'fixed typo', edited_at: new Date().toISOString() });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(deleted), sentItem(edited)] } });
    const { log, rows } = openThread(store);
    expect(log.textContent).not.toContain('secret');
    expect(rows('Message deleted')).toHaveLength(1);
    expect(rows('fixed typo')[0]!.textContent).toContain('(edited)');
  });

  test('"Reconnecting…" is a status while the socket is down, and goes when it is back', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    openThread(store);
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    act(() => store.setConnection('reconnecting'));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
    act(() => store.setConnection('online'));
    expect(screen.queryByText('Reconnecting…')).toBeNull();
  });

  test('errors show in an alert that can be dismissed', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    openThread(store);
    act(() => store.setError({ key: 'errorTooQuicklyWait', values: { wait: 30 } }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('You are sending too quickly. Try again in 30 seconds.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(store.calls.dismissError).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('new messages from others are announced in a polite live region; history and own sends are not', () => {
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(message({ body: 'Old news' }))] } });
    const { log } = openThread(store);
    const live = document.querySelector('[aria-live="polite"][aria-relevant="additions"]')!;
    expect(log.contains(live)).toBe(false);
    expect(live.textContent).toBe('');
    const thread = store.threads.get('c_1')!;
    act(() => thread.send('My own words'));
    expect(live.textContent).toBe('');
    act(() => void thread.receive('It is on the van'));
    expect(live.textContent).toBe('Sam: It is on the van');
  });

  test('who is typing shows under the log', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    openThread(store);
    act(() => store.threads.get('c_1')!.setTyping(['Ada']));
    expect(screen.getByText('Ada is typing…')).toBeTruthy();
    act(() => store.threads.get('c_1')!.setTyping(['Ada', 'Sam']));
    expect(screen.getByText('Ada and Sam are typing…')).toBeTruthy();
  });

  test('while the first page loads the thread says so', () => {
    const store = createFixtureStore({ open: true, thread: { ready: false } });
    openThread(store);
    expect(screen.getByRole('status').textContent).toBe('Loading messages…');
    act(() => store.threads.get('c_1')!.setReady(true));
    expect(screen.queryByText('Loading messages…')).toBeNull();
  });
});
