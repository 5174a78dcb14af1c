import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, message, sentItem, SUPPORT } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const png = (name = 'photo.png', size = 100) => new File([new Uint8Array(size)], name, { type: 'image/png' });

function openThread() {
  const store = createFixtureStore({ open: true, thread: {} });
  render(<ChatApp store={store} />);
  const thread = store.threads.get('c_1')!;
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  const pick = (files: File[]) => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    fireEvent.change(input);
  };
  return { store, thread, input, pick };
}

describe('images in the composer', () => {
  test('"Attach image" is a button in the composer that opens the picker, which accepts the allowed types', () => {
    const { input } = openThread();
    const button = screen.getByRole('button', { name: 'Attach image' });
    expect(button.closest('form')).toBe(screen.getByRole('textbox', { name: 'Message' }).closest('form'));
    let clicked = 0;
    input.addEventListener('click', () => clicked++);
    fireEvent.click(button);
    expect(clicked).toBe(1);
    expect(input.accept).toBe('image/jpeg,image/png,image/gif,image/webp,image/heic,.heic');
  });

  test('a refused file says why in an alert and leaves the draft; nothing is uploaded', async () => {
    const { thread, pick } = openThread();
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'draft' } });
    pick([new File(['x'], 'notes.pdf', { type: 'application/pdf' })]);
    // The tray (and its alert) is a lazy chunk: it shows once its code has loaded.
    expect((await screen.findByRole('alert')).textContent).toContain('notes.pdf cannot be sent: use a JPEG, PNG, GIF, WebP or HEIC image.');
    pick([png('big.png', 10 * 1024 * 1024 + 1)]);
    expect(screen.getByRole('alert').textContent).toContain('big.png is too large: images can be at most 10 MB.');
    expect(box.value).toBe('draft');
    expect(thread.images).toEqual([]);
    // A HEIC file with no type (some systems give none) passes, typed by its extension.
    pick([new File([new Uint8Array(10)], 'IMG_1.HEIC', { type: '' })]);
    expect(thread.images.map((i) => i.file.type)).toEqual(['image/heic']);
  });

  test('an upload shows its preview and a progress bar fed by the upload; failed, it says why with Retry and Remove', async () => {
    const { thread, pick } = openThread();
    pick([png('a.png')]);
    const bar = (await screen.findByRole('progressbar', { name: 'Uploading a.png' })) as HTMLProgressElement;
    expect(screen.getByRole('img', { name: 'a.png' }).getAttribute('src')).toMatch(/^blob:/);
    expect(bar.value).toBe(0);
    const id = thread.uploads.value[0]!.id;
    act(() => thread.progressUpload(id, 0.4));
    expect(bar.value).toBeCloseTo(0.4);
    act(() => thread.failUpload(id, { key: 'errorUnreachable' }));
    expect(screen.getByRole('alert').textContent).toBe('a.png was not uploaded. The chat service could not be reached. Check your connection and try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('progressbar', { name: 'Uploading a.png' })).toBeTruthy();
    act(() => thread.failUpload(id, { key: 'errorServer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(thread.uploads.value).toEqual([]);
    expect(screen.queryByRole('img', { name: 'a.png' })).toBeNull();
  });

  test('a finished upload becomes a pending image message in the log', async () => {
    const { thread, pick } = openThread();
    pick([png('b.png')]);
    act(() => thread.finishUpload(thread.uploads.value[0]!.id, 'https://cdn.example.com/b.png'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    const log = screen.getByRole('log', { name: 'Messages' });
    const row = log.querySelector<HTMLElement>('[data-status="pending"]')!;
    // Image messages are a lazy chunk: the <img> comes once it has loaded.
    await waitFor(() => expect(row.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example.com/b.png'));
  });

  test('a pasted image is sent; pasted text is left to the box; a dropped image is sent with the reply in progress', async () => {
    const theirs = message({ sender_id: SUPPORT, body: 'Send a photo?' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(theirs)] } });
    render(<ChatApp store={store} />);
    const thread = store.threads.get('c_1')!;
    const box = screen.getByRole('textbox', { name: 'Message' });
    const paste = (files: File[]) => {
      const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
      event.clipboardData = { files, types: files.length ? ['Files'] : ['text/plain'] };
      box.dispatchEvent(event);
      return event;
    };
    expect(paste([]).defaultPrevented).toBe(false);
    expect(paste([png('pasted.png')]).defaultPrevented).toBe(true);
    expect(thread.images.map((i) => (i.file as File).name)).toEqual(['pasted.png']);

    const row = screen.getByRole('log', { name: 'Messages' }).querySelector<HTMLElement>(`[data-message-id="${theirs.id}"]`)!;
    fireEvent.click(within(row).getByRole('button', { name: 'Reply' }));
    await screen.findByRole('group', { name: 'Replying to Sam' });
    const thread_ = box.closest('.tc-thread')!;
    const drop = new Event('drop', { bubbles: true, cancelable: true }) as Event & { dataTransfer: unknown };
    drop.dataTransfer = { files: [png('dropped.png')], types: ['Files'] };
    act(() => void thread_.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect(thread.images.at(-1)).toMatchObject({ options: { replyTo: theirs.id } });
    expect(screen.queryByRole('group', { name: /^Replying to/ })).toBeNull();
  });

  test('an image message opens larger in a dialog named for it; Close returns focus to the image', async () => {
    const img = message({ sender_id: SUPPORT, message_type: 'image', body: null, media_url: 'https://cdn.example.com/p.png' });
    const store = createFixtureStore({ open: true, thread: { items: [sentItem(img)] } });
    render(<ChatApp store={store} />);
    const open = await screen.findByRole('button', { name: 'Image from Sam' });
    fireEvent.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Image from Sam' });
    expect(within(dialog).getByRole('img', { name: 'Image from Sam' }).getAttribute('src')).toBe('https://cdn.example.com/p.png');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close image' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Image from Sam' })).toBeNull();
    expect(store.isOpen.value).toBe(true);
    expect(document.activeElement).toBe(open);
  });

  test('an anonymous sender typing reads "Visitor is typing…"', () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} />);
    act(() => store.threads.get('c_1')!.setTyping(['']));
    expect(screen.getByText('Visitor is typing…')).toBeTruthy();
    act(() => store.threads.get('c_1')!.setTyping(['', 'Sam']));
    expect(screen.getByText('Visitor and Sam are typing…')).toBeTruthy();
  });
});
