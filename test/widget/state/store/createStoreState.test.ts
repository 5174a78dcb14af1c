// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { browserStorage } from '../helpers.ts';
import { makeState } from './helpers.ts';

// Nothing here reaches the network: the URL is never asked.
const url = 'http://127.0.0.1:9';

describe('createStoreState', () => {
  it('remembers whether the panel was open and on which conversation, per visitor', () => {
    const storage = browserStorage();
    const first = makeState({ url, storage, attributes: { 'user-id': 'u_state_1' } }).state;
    expect([first.isOpen.value, first.openId.value]).toEqual([false, null]);
    first.isOpen.value = true;
    first.openId.value = 'c_remembered';
    first.saveUi();
    const again = makeState({ url, storage, attributes: { 'user-id': 'u_state_1' } }).state;
    expect([again.isOpen.value, again.openId.value]).toEqual([true, 'c_remembered']);
    const someoneElse = makeState({ url, storage, attributes: { 'user-id': 'u_state_2' } }).state;
    expect([someoneElse.isOpen.value, someoneElse.openId.value]).toEqual([false, null]);
  });

  it('an inline panel is always open; the `open` attribute opens a bubble', () => {
    expect(makeState({ url, attributes: { mode: 'inline' } }).state).toMatchObject({ alwaysOpen: true });
    expect(makeState({ url, attributes: { mode: 'inline' } }).state.isOpen.value).toBe(true);
    expect(makeState({ url, attributes: { open: '' } }).state.isOpen.value).toBe(true);
    expect(makeState({ url }).state.isOpen.value).toBe(false);
  });

  it('an anonymous visitor keeps one id in this browser; a named one is known by name', () => {
    const storage = browserStorage();
    const a = makeState({ url, storage }).state.userId.value;
    expect(a).not.toBe('');
    expect(makeState({ url, storage }).state.userId.value).toBe(a);
    const named = makeState({ url, attributes: { 'user-id': 'u_ada', 'user-name': 'Ada' } }).state;
    expect(named.names.get('u_ada')).toBe('Ada');
  });

  it('fail shows the sentence and tells the page; a fatal one stops the widget', () => {
    const { state, events } = makeState({ url });
    state.fail(new TypeError('Failed to fetch'));
    expect(state.error.value).not.toBeNull();
    expect([state.status.value, state.fatal.value]).toEqual(['starting', false]);
    state.fail(new Error('x'), true, { key: 'errorBadKey' });
    expect(state.error.value).toEqual({ key: 'errorBadKey' });
    expect([state.status.value, state.fatal.value]).toEqual(['error', true]);
    expect(events.map((e) => e.name)).toEqual(['error', 'error']);
    expect(events[1]?.detail).toEqual({ sentence: { key: 'errorBadKey' }, fatal: true });
  });

  it('nothing is being read while the panel is closed or no thread shows', () => {
    const { state } = makeState({ url, attributes: { mode: 'inline' } });
    expect(state.reading('c_1')).toBe(false);
  });
});
