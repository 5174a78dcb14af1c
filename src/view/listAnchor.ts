/**
 * The scroll anchor of {@link VirtualList} and the DOM work around it: what the last render put on screen, the
 * rows' measured heights, where the anchored row is to be put back after a render, and which row the reader is
 * on after a scroll.
 */
import { rowAt } from './virtualWindow.ts';

export type Anchor = { readonly kind: 'bottom' } | { readonly kind: 'row'; readonly key: string; readonly delta: number } | null;

/** What the last render put on screen, for the scroll handler and the ResizeObserver that run between renders. */
export interface ListState {
  heights: Map<string, number>;
  anchor: Anchor;
  top: number;
  height: number;
  lastKey: string | undefined;
  keys: readonly string[];
  offsets: Float64Array;
  start: number;
  end: number;
  ro: ResizeObserver | null;
  observed: Set<Element>;
  /** What onAtBottomChange was last told. */
  reportedBottom: boolean;
  /** Bumped whenever a measured height changes, so offsets are recomputed only then (not on every scroll). */
  version: number;
}

export const BOTTOM: Anchor = { kind: 'bottom' };
/** Without layout (hidden, or happy-dom) the viewport is assumed this tall, so a sensible number of rows renders. */
export const FALLBACK_VIEWPORT = 800;
export const AT_BOTTOM_PX = 8;

/** Where the view will be once the anchor is restored: the window is rendered for that position directly. */
export function renderTop(state: ListState, keys: readonly string[], offsets: Float64Array): number {
  const { anchor } = state;
  const viewport = state.height || FALLBACK_VIEWPORT;
  if (anchor?.kind === 'bottom') return Math.max(0, offsets[keys.length]! - viewport);
  if (anchor?.kind === 'row') {
    const index = keys.indexOf(anchor.key);
    if (index >= 0) return Math.max(0, offsets[index]! - anchor.delta);
  }
  return state.top;
}

/** Records the height of each rendered row; true when any changed by a pixel or more. */
export function measure(state: ListState, box: HTMLElement): boolean {
  let changed = false;
  const rows = box.children;
  for (let i = 0; i < rows.length; i++) {
    const key = state.keys[state.start + i];
    const height = (rows[i] as HTMLElement).offsetHeight;
    // 0 means no layout (hidden, or happy-dom): keep the estimate rather than collapse the row.
    if (key === undefined || height <= 0) continue;
    if (Math.abs((state.heights.get(key) ?? -1) - height) >= 1) {
      state.heights.set(key, height);
      changed = true;
    }
  }
  if (changed) state.version++;
  return changed;
}

/** Puts the anchored row back where the reader saw it (or the view back at the bottom). */
export function restoreAnchor(state: ListState, el: HTMLElement, box: HTMLElement): void {
  const { anchor } = state;
  let desired: number | null = null;
  if (anchor?.kind === 'bottom') desired = el.scrollHeight - el.clientHeight;
  else if (anchor?.kind === 'row') {
    const index = state.keys.indexOf(anchor.key);
    const row = index >= state.start && index < state.end ? (box.children[index - state.start] as HTMLElement | undefined) : undefined;
    // A rendered row's real position beats the model's (which may still hold estimates above it); a row with no
    // layout (offsetHeight 0) has no real position to offer.
    if (row && row.offsetHeight > 0) desired = row.offsetTop - anchor.delta;
    else if (index >= 0) desired = state.offsets[index]! - anchor.delta;
  }
  if (desired !== null && Math.abs(el.scrollTop - desired) >= 1) el.scrollTop = Math.max(0, desired);
}

/** The reader's anchor after a scroll: the bottom when there, else the first row whose bottom is in view. */
export function readAnchor(state: ListState, el: HTMLElement, box: HTMLElement, stickToBottom: boolean): Anchor {
  const y = el.scrollTop;
  if (stickToBottom && el.scrollHeight - y - el.clientHeight <= AT_BOTTOM_PX) return BOTTOM;
  const rows = box.children;
  const first = rows[0] as HTMLElement | undefined;
  if (first && first.offsetTop <= y) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as HTMLElement;
      const key = state.keys[state.start + i];
      if (key !== undefined && row.offsetTop + row.offsetHeight > y) return { kind: 'row', key, delta: row.offsetTop - y };
    }
  }
  // A jump past everything rendered (scrollbar drag, Home/End): the model knows which row is there.
  const index = rowAt(state.offsets, y);
  const key = state.keys[index];
  return key === undefined ? null : { kind: 'row', key, delta: state.offsets[index]! - y };
}
