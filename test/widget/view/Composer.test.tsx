import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Composer } from '../../../src/view/Composer.tsx';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, createFixtureThread } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function setup() {
  const thread = createFixtureThread();
  render(<Composer thread={thread} />);
  const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  const type = (value: string) => fireEvent.input(box, { target: { value } });
  return { thread, box, type };
}

describe('the composer', () => {
  test('Enter sends the text and clears the box', () => {
    const { thread, box, type } = setup();
    type('Hello');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(thread.sent).toEqual(['Hello']);
    expect(box.value).toBe('');
  });

  test('Shift+Enter does not send (the browser adds the line)', () => {
    const { thread, box, type } = setup();
    type('line one');
    const event = fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(event).toBe(true); // not prevented: the newline goes in
    expect(thread.sent).toEqual([]);
    expect(box.value).toBe('line one');
  });

  test('Enter that ends an IME composition does not send', () => {
    const { thread, box, type } = setup();
    type('にほん');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(thread.sent).toEqual([]);
    expect(box.value).toBe('にほん');
  });

  test('the Send button sends; blank text is never sent', () => {
    const { thread, type } = setup();
    type('   \n ');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(thread.sent).toEqual([]);
    type('  Hi  ');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(thread.sent).toEqual(['Hi']);
  });

  test('each keystroke tells the thread someone is typing', () => {
    const { thread, type } = setup();
    type('H');
    type('Hi');
    expect(thread.calls.notifyTyping).toBe(2);
  });

  test('the draft is kept per conversation and survives leaving the thread', () => {
    const store = createFixtureStore({ open: true });
    const a = store.addConversation('support', 'first', 0);
    const b = store.addConversation('order', 'second', 0);
    render(<ChatApp store={store} />);
    act(() => store.openConversation(a.conversationId));
    fireEvent.input(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'half a thought' } });
    act(() => store.backToList());
    act(() => store.openConversation(b.conversationId));
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('');
    act(() => store.openConversation(a.conversationId));
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('half a thought');
  });

  test('the draft survives a reload (sessionStorage) and is cleared by a send', () => {
    const first = setup();
    first.type('typed before reload');
    cleanup();
    const second = setup();
    expect(second.box.value).toBe('typed before reload');
    fireEvent.keyDown(second.box, { key: 'Enter' });
    cleanup();
    expect(setup().box.value).toBe('');
  });

  test('leaves a place for more tools before the box (issue 6: "Attach image")', () => {
    render(<Composer thread={createFixtureThread()} tools={<button type="button">Attach image</button>} />);
    expect(screen.getByRole('button', { name: 'Attach image' })).toBeTruthy();
  });
});
