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
  const row = (id: string) => log.querySelector<HTMLElement>(`[data-message-id="${id}"]`)!;
  return { log, row, thread: store.threads.get('c_1')! };
}

describe('edit, delete and reply on a row', () => {
  test("own sent messages offer Reply, Edit and Delete; others' only Reply; pending and deleted ones none", () => {
    const mine = message({ sender_id: VISITOR, body: 'Mine' });
    const theirs = message({ sender_id: SUPPORT, body: 'Theirs' });
    const gone = message({ sender_id: VISITOR, body: 'Gone', deleted_at: new Date().toISOString() });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(mine), sentItem(theirs), sentItem(gone)] } });
    const { row, thread } = openThread(store);
    // The touch screens' "More actions" toggle aside (CSS hides it where a pointer can hover).
    const names = (el: HTMLElement) =>
      within(el)
        .queryAllByRole('button')
        .filter((b) => b.getAttribute('aria-label') !== 'More actions')
        .map((b) => b.textContent);
    expect(names(row(mine.id))).toEqual(['Reply', 'Edit', 'Delete']);
    expect(names(row(theirs.id))).toEqual(['Reply']);
    expect(names(row(gone.id))).toEqual([]);
    act(() => thread.send('Not yet sent'));
    const pending = thread.items.value.at(-1)!;
    expect(names(row(pending.key))).toEqual([]);
  });

  test('Edit opens the text in place; Save sends the edit and shows "(edited)"; an empty text cannot be saved', async () => {
    const mine = message({ sender_id: VISITOR, body: 'Pickup at 5' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(mine)] } });
    const { row, thread } = openThread(store);
    fireEvent.click(within(row(mine.id)).getByRole('button', { name: 'Edit' }));
    const box = (await screen.findByRole('textbox', { name: 'Edit message' })) as HTMLTextAreaElement;
    expect(box.value).toBe('Pickup at 5');
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: '   ' } });
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(box, { target: { value: 'Pickup at 6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull());
    expect(thread.edits).toEqual([{ id: mine.id, body: 'Pickup at 6' }]);
    expect(row(mine.id).textContent).toContain('Pickup at 6');
    expect(row(mine.id).textContent).toContain('(edited)');
  });

  test('a failed edit keeps the text and says why; Escape cancels without closing the panel', async () => {
    const mine = message({ sender_id: VISITOR, body: 'Original' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(mine)] } });
    const { row, thread } = openThread(store);
    thread.nextFailure = { key: 'errorNotSender' };
    fireEvent.click(within(row(mine.id)).getByRole('button', { name: 'Edit' }));
    const box = (await screen.findByRole('textbox', { name: 'Edit message' })) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Changed' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByText('You can only change your own messages.');
    expect(screen.getByRole('alert').textContent).toBe('You can only change your own messages.');
    expect(box.value).toBe('Changed');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(store.isOpen.value).toBe(true);
    expect(row(mine.id).textContent).toContain('Original');
  });

  test('Delete asks first; "Yes, delete" removes it and the row says "Message deleted"', async () => {
    const mine = message({ sender_id: VISITOR, body: 'Oops' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(mine)] } });
    const { row, thread } = openThread(store);
    fireEvent.click(within(row(mine.id)).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('group', { name: 'Delete this message?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(thread.removed).toEqual([]);
    fireEvent.click(within(row(mine.id)).getByRole('button', { name: 'Delete' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(row(mine.id).textContent).toContain('Message deleted'));
    expect(thread.removed).toEqual([mine.id]);
    expect(row(mine.id).textContent).not.toContain('Oops');
  });

  test('Reply shows a quote bar; the next send carries reply_to and the bar closes; Cancel reply drops it', async () => {
    const theirs = message({ sender_id: SUPPORT, body: 'Which day suits you?' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(theirs)] } });
    const { row, thread } = openThread(store);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.click(within(row(theirs.id)).getByRole('button', { name: 'Reply' }));
    // Replies are a lazy chunk: the bar shows once its code has loaded.
    const bar = await screen.findByRole('group', { name: 'Replying to Sam' });
    expect(bar.textContent).toContain('Which day suits you?');
    fireEvent.click(within(bar).getByRole('button', { name: 'Cancel reply' }));
    expect(screen.queryByRole('group', { name: 'Replying to Sam' })).toBeNull();

    fireEvent.click(within(row(theirs.id)).getByRole('button', { name: 'Reply' }));
    fireEvent.input(box, { target: { value: 'Saturday' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(thread.sentWith).toEqual([{ replyTo: theirs.id }]);
    expect(screen.queryByRole('group', { name: /^Replying to/ })).toBeNull();
    // The reply's row quotes what it answers, by sender and excerpt.
    const reply = thread.items.value.at(-1)!;
    expect(await within(row(reply.key)).findByRole('button', { name: 'Show the message this answers, from Sam: Which day suits you?' })).toBeTruthy();
    fireEvent.input(box, { target: { value: 'Plain' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(thread.sentWith.at(-1)).toBeUndefined();
  });

  test('a quote of an unloaded message loads older pages until it is there; one that never comes says it is not available', async () => {
    const old = message({ sender_id: VISITOR, body: 'The first question' });
    const reply = message({ sender_id: SUPPORT, body: 'About that', reply_to: old.id });
    const orphan = message({ sender_id: SUPPORT, body: 'About something gone', reply_to: 'm_missing' });
    const store = createFixtureStore({
      open: true,
      thread: { items: [sentItem(reply), sentItem(orphan)], olderPages: [[sentItem(message({ body: 'Between' }))], [sentItem(old)]] },
    });
    const { row, thread } = openThread(store);
    const quote = await within(row(reply.id)).findByRole('button', { name: 'Show the earlier message this answers' });
    fireEvent.click(quote);
    await waitFor(() => expect(thread.items.value[0]!.message.id).toBe(old.id));
    expect(thread.calls.loadOlder).toBeGreaterThanOrEqual(2);
    // Once loaded, the quote names its sender and text.
    expect(within(row(reply.id)).getByRole('button', { name: 'Show the message this answers, from You: The first question' })).toBeTruthy();
    fireEvent.click(within(row(orphan.id)).getByRole('button', { name: /earlier message/ }));
    expect((await screen.findByRole('status')).textContent).toBe('That message is not available any more.');
  });
});
