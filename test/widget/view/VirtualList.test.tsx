import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { ThreadItem } from '../../../src/state/types.ts';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { rowAt, rowOffsets, visibleRange } from '../../../src/view/virtualWindow.ts';
import { createFixtureStore, message, sentItem } from './helpers/fixtureStore.ts';

const ESTIMATE = 64; // MessageLog's estimateHeight

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function messages(count: number, from = 1): ThreadItem[] {
  return Array.from({ length: count }, (_, i) => sentItem(message({ body: `Message number ${from + i}:` })));
}

/**
 * happy-dom does no layout: give the log a 400 px viewport and a scrollHeight that adds up its paddings and
 * (unmeasured) rows, as a browser would with every row at its estimate.
 */
function fakeLayout(log: HTMLElement): void {
  Object.defineProperty(log, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(log, 'scrollHeight', {
    configurable: true,
    get: () => {
      const rows = log.firstElementChild as HTMLElement;
      return parseFloat(rows.style.paddingTop) + parseFloat(rows.style.paddingBottom) + rows.children.length * ESTIMATE;
    },
  });
}

/** The current log, with a fake layout. */
function fakeLayoutOf(): HTMLElement {
  const log = screen.getByRole('log', { name: 'Messages' });
  fakeLayout(log);
  return log;
}

function scrollTo(log: HTMLElement, top: number): void {
  log.scrollTop = top;
  fireEvent.scroll(log);
}

const ids = (log: HTMLElement) => [...log.querySelectorAll('[data-message-id]')].map((el) => el.textContent ?? '');

describe('the virtualized message log', () => {
  test('a 5,000-message thread renders only rows near the viewport, newest at the bottom, within the DOM budget', () => {
    const store = createFixtureStore({ open: true, thread: { items: messages(5000) } });
    const t0 = performance.now();
    const { container } = render(<ChatApp store={store} />);
    const elapsed = performance.now() - t0;
    const log = screen.getByRole('log', { name: 'Messages' });
    const shown = ids(log);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    expect(shown.at(-1)).toContain('Message number 5000:');
    expect(shown.some((t) => t.includes('Message number 1:'))).toBe(false);
    expect(container.querySelectorAll('*').length).toBeLessThan(2000);
    // Not the budget (that is Chromium's, in bench/), but a guard against an accidental O(n) render of rows.
    expect(elapsed).toBeLessThan(1000);
    // The paddings stand for every unrendered row, so the scrollbar is the whole thread's.
    const rows = log.firstElementChild as HTMLElement;
    expect(parseFloat(rows.style.paddingTop) + rows.children.length * ESTIMATE + parseFloat(rows.style.paddingBottom)).toBe(5000 * ESTIMATE);
  });

  test('rows stay in DOM order (oldest first) inside the log', () => {
    const store = createFixtureStore({ open: true, thread: { items: messages(300) } });
    render(<ChatApp store={store} />);
    const numbers = ids(screen.getByRole('log')).map((t) => Number(/number (\d+)/.exec(t)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.at(-1)).toBe(300);
  });

  test('reaching the top calls loadOlder, and the older page keeps the reading position on the same message', async () => {
    const store = createFixtureStore({ open: true, thread: { items: messages(100, 51), olderPages: [messages(50, 1)] } });
    render(<ChatApp store={store} />);
    const thread = store.threads.get('c_1')!;
    const log = screen.getByRole('log', { name: 'Messages' });
    fakeLayout(log);
    expect(thread.calls.loadOlder).toBe(0);

    scrollTo(log, 0);
    expect(thread.calls.loadOlder).toBe(1);
    expect(ids(log)[0]).toContain('Message number 51:');
    await act(async () => {
      await Promise.resolve();
      await Promise.resolve();
    });
    expect(thread.items.value).toHaveLength(150);
    // The page went in above: the view moved down by exactly its height, so message 51 is still at the top.
    expect(log.scrollTop).toBe(50 * ESTIMATE);
    expect(ids(log)).toContainEqual(expect.stringContaining('Message number 51:'));
    // Nothing more to load: the top no longer asks.
    scrollTo(log, 0);
    expect(thread.hasMore.value).toBe(false);
    expect(ids(log)[0]).toContain('Message number 1:');
  });

  test("scrolled up, a message from others does not move the view; one's own send brings it to the bottom", () => {
    const store = createFixtureStore({ open: true, thread: { items: messages(200) } });
    render(<ChatApp store={store} />);
    const thread = store.threads.get('c_1')!;
    const log = screen.getByRole('log', { name: 'Messages' });
    fakeLayout(log);
    scrollTo(log, 3000);
    act(() => void thread.receive('A reply while you read'));
    expect(log.scrollTop).toBe(3000);
    expect(ids(log).some((t) => t.includes('A reply while you read'))).toBe(false);
    act(() => thread.send('My answer'));
    expect(ids(log).at(-1)).toContain('My answer');
    expect(log.scrollTop).toBe(log.scrollHeight - 400);
  });

  test('scrolled up, "Jump to latest" counts what arrived and brings the view back to the bottom', () => {
    const store = createFixtureStore({ open: true, thread: { items: messages(200) } });
    render(<ChatApp store={store} />);
    const thread = store.threads.get('c_1')!;
    const log = screen.getByRole('log', { name: 'Messages' });
    fakeLayout(log);
    expect(screen.queryByRole('button', { name: /jump to latest/i })).toBeNull();
    scrollTo(log, 2000);
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeTruthy();
    act(() => {
      thread.receive('One');
      thread.receive('Two');
    });
    fireEvent.click(screen.getByRole('button', { name: '2 new messages, jump to latest' }));
    expect(log.scrollTop).toBe(log.scrollHeight - 400);
    expect(ids(log).at(-1)).toContain('Two');
    expect(screen.queryByRole('button', { name: /jump to latest/i })).toBeNull();
    expect(document.activeElement).toBe(log);
  });

  test('another conversation opens at its own newest message, not at the scroll position of the last one', () => {
    const store = createFixtureStore({ open: true });
    const a = store.addConversation('support', 'a', 0, { items: messages(300) });
    const b = store.addConversation('order', 'b', 0, { items: messages(300, 1001) });
    render(<ChatApp store={store} />);
    act(() => store.openConversation(a.conversationId));
    scrollTo(fakeLayoutOf(), 1000);
    act(() => store.openConversation(b.conversationId));
    expect(ids(screen.getByRole('log')).at(-1)).toContain('Message number 1300:');
  });

  test('at the bottom, new messages are followed', () => {
    const store = createFixtureStore({ open: true, thread: { items: messages(200) } });
    render(<ChatApp store={store} />);
    const thread = store.threads.get('c_1')!;
    const log = screen.getByRole('log', { name: 'Messages' });
    fakeLayout(log);
    scrollTo(log, log.scrollHeight - 400);
    act(() => void thread.receive('Arrived live'));
    expect(ids(log).at(-1)).toContain('Arrived live');
    expect(log.scrollTop).toBe(log.scrollHeight - 400);
  });

  test('measured row heights replace the estimate', () => {
    const proto = HTMLElement.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'offsetHeight')!;
    Object.defineProperty(proto, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('tc-vlist-row') ? 100 : 0;
      },
    });
    try {
      const store = createFixtureStore({ open: true, thread: { items: messages(1000) } });
      render(<ChatApp store={store} />);
      const rows = screen.getByRole('log').firstElementChild as HTMLElement;
      const rendered = rows.children.length;
      // Every row rendered so far measured 100 px (the window moved as they replaced the estimate); the paddings
      // stand for the rest at the estimate, so the whole adds up to measured rows at 100 and the others at 64.
      const total = parseFloat(rows.style.paddingTop) + rendered * 100 + parseFloat(rows.style.paddingBottom);
      const measured = (total - 1000 * ESTIMATE) / (100 - ESTIMATE);
      expect(Number.isInteger(measured)).toBe(true);
      expect(measured).toBeGreaterThanOrEqual(rendered);
      expect(parseFloat(rows.style.paddingBottom)).toBe(0);
      // Taller rows: fewer fit the same window than at the estimate.
      expect(rendered).toBeLessThan(Math.ceil((800 + 1200) / ESTIMATE) + 2);
    } finally {
      Object.defineProperty(proto, 'offsetHeight', original);
    }
  });
});

describe('virtualWindow', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  test('offsets use measured heights and the estimate for the rest', () => {
    expect([...rowOffsets(keys, new Map([['b', 100]]), 10)]).toEqual([0, 10, 110, 120, 130, 140]);
  });
  test('rowAt finds the row covering a position, clamped to the ends', () => {
    const offsets = rowOffsets(keys, new Map(), 10);
    expect([-5, 0, 9, 10, 25, 49, 500].map((y) => rowAt(offsets, y))).toEqual([0, 0, 0, 1, 2, 4, 4]);
  });
  test('visibleRange covers the viewport plus overscan', () => {
    const offsets = rowOffsets(
      Array.from({ length: 100 }, (_, i) => String(i)),
      new Map(),
      10,
    );
    expect(visibleRange(offsets, 500, 100, 0)).toEqual({ start: 50, end: 61 });
    expect(visibleRange(offsets, 500, 100, 50)).toEqual({ start: 45, end: 66 });
    expect(visibleRange(offsets, 0, 100, 50)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(rowOffsets([], new Map(), 10), 0, 100, 50)).toEqual({ start: 0, end: 0 });
  });
});
