import type { AriaRole, ComponentChildren, RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BOTTOM, FALLBACK_VIEWPORT, measure, readAnchor, renderTop, restoreAnchor, type ListState } from './listAnchor.ts';
import { rowOffsets, visibleRange } from './virtualWindow.ts';

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  /** Every item, in display order; only those near the viewport are rendered. */
  items: readonly T[];
  /** A stable key per item: heights are remembered by it, and the scroll anchor follows it. */
  itemKey: (item: T) => string;
  renderItem: (item: T) => ComponentChildren;
  /** Height assumed for a row until it has been measured. @defaultValue 72 */
  estimateHeight?: number;
  /** Extra pixels rendered above and below the viewport. @defaultValue 600 */
  overscan?: number;
  /** Called (again and again: make it idempotent) while the view is within `nearTopPx` of the top. */
  onNearTop?: () => void;
  /** @defaultValue 600 */
  nearTopPx?: number;
  /** Start at the bottom, and stay there when items are added or rows grow while the view is there (a chat log). */
  stickToBottom?: boolean;
  /** Told when the view arrives at or leaves the bottom (only with `stickToBottom`): e.g. to offer "Jump to latest". */
  onAtBottomChange?: (atBottom: boolean) => void;
  /** A newly appended item for which this returns true brings the view to the bottom even when scrolled up (one's own send). */
  follows?: (item: T) => boolean;
  /** Passed to the scrolling element, which is the list's semantic container (e.g. role="log"). */
  role?: AriaRole;
  label?: string;
  /** E.g. 'off' on a role="log" whose news is announced elsewhere (a log is polite by default). */
  live?: 'off' | 'polite';
  class?: string;
  /** Filled with {@link VirtualListHandle}, for callers that must bring a row into view (a reply's quote). */
  handle?: RefObject<VirtualListHandle | null> | undefined;
  /**
   * Shown after the last row, inside the scrolling element (the agent's streaming reply). It is not a row:
   * it is never measured with the rows, and while it grows a view at the bottom stays there with one scrollTop
   * write per frame, from a ResizeObserver on it alone, so a growing reply does not re-render or re-measure the list.
   */
  footer?: ComponentChildren;
}

/** What a parent may ask of the list. */
export interface VirtualListHandle {
  /** Renders the row with this key and scrolls it to a third of the way down the view. */
  reveal(key: string): void;
}

/** How many rows past the overscan a scroll may leave rendered before the list re-renders to drop them. */
const SLACK_ROWS = 8;

/**
 * A scrolling list that renders only the rows near its viewport (the budget: a 5,000-message thread in at
 * most 2,000 DOM nodes). Rows have variable heights: each is assumed `estimateHeight` until rendered, then
 * measured (right after render, and by a ResizeObserver when it changes later, e.g. an image loads), and the
 * view stays anchored on the first visible row (or the bottom) through every correction and every prepend.
 * Rows stay in DOM order inside the scrolling element, between two paddings that stand for the rest, so a
 * role="log" keeps its meaning for assistive technology.
 *
 * @example
 * <VirtualList role="log" label="Messages" items={items} itemKey={(i) => i.key} renderItem={(i) => <Row item={i} />}
 *   stickToBottom onNearTop={() => void thread.loadOlder()} />
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, itemKey, renderItem, estimateHeight = 72, overscan = 600, nearTopPx = 600, stickToBottom = false } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const foot = useRef<HTMLDivElement>(null);
  const [, setTick] = useState(0);
  const stateRef = useRef<ListState | null>(null);
  stateRef.current ??= {
    heights: new Map(),
    anchor: stickToBottom ? BOTTOM : null,
    top: 0,
    height: 0,
    lastKey: undefined,
    keys: [],
    offsets: new Float64Array(1),
    start: 0,
    end: 0,
    ro: null,
    observed: new Set(),
    version: 0,
    reportedBottom: stickToBottom,
  };
  const state = stateRef.current;
  const propsRef = useRef(props);
  propsRef.current = props;

  // O(n) work (5,000 keys and offsets) only when the items or a height changed; a scroll re-renders without it.
  const keys = useMemo(() => items.map(itemKey), [items]);
  const lastKey = keys[keys.length - 1];
  if (lastKey !== state.lastKey) {
    const last = items[items.length - 1];
    // An appended row of one's own brings the view down, wherever the reader was (they just wrote it).
    if (state.lastKey !== undefined && last !== undefined && props.follows?.(last)) state.anchor = BOTTOM;
    state.lastKey = lastKey;
  }
  const offsets = useMemo(() => rowOffsets(keys, state.heights, estimateHeight), [keys, state.version, estimateHeight]);
  const top = renderTop(state, keys, offsets);
  const { start, end } = visibleRange(offsets, top, state.height || FALLBACK_VIEWPORT, overscan);
  const total = offsets[keys.length]!;

  const rerender = () => setTick((t) => t + 1);
  if (props.handle) {
    props.handle.current = {
      reveal(key) {
        state.anchor = { kind: 'row', key, delta: Math.round((state.height || FALLBACK_VIEWPORT) / 3) };
        rerender();
      },
    };
  }

  useLayoutEffect(() => {
    const el = scroller.current;
    const box = inner.current;
    if (!el || !box) return;
    Object.assign(state, { keys, offsets, start, end });
    state.ro ??= typeof ResizeObserver === 'function' ? new ResizeObserver(() => onResize()) : null;
    const changed = measure(state, box);
    if (state.ro) {
      for (const row of state.observed) {
        if (row.parentNode === box) continue;
        state.ro.unobserve(row);
        state.observed.delete(row);
      }
      for (const row of box.children) {
        if (state.observed.has(row)) continue;
        state.ro.observe(row);
        state.observed.add(row);
      }
    }
    restoreAnchor(state, el, box);
    reportBottom();
    if (el.clientHeight > 0) {
      state.top = el.scrollTop;
      state.height = el.clientHeight;
    }
    // New heights move every row below them: render again with the corrected offsets (the anchor holds the view).
    if (changed) {
      rerender();
      return;
    }
    const again = visibleRange(offsets, renderTop(state, keys, offsets), state.height || FALLBACK_VIEWPORT, overscan);
    if (again.start !== start || again.end !== end) rerender();
    else checkNearTop(el);
  });

  useEffect(() => {
    const el = scroller.current;
    if (el && state.ro) state.ro.observe(el);
    return () => state.ro?.disconnect();
  }, []);

  // The footer grows after layout: ResizeObserver runs before paint, so the view is at the bottom in the same frame.
  const hasFooter = props.footer !== undefined;
  useEffect(() => {
    const el = scroller.current;
    const box = foot.current;
    if (!hasFooter || !el || !box || typeof ResizeObserver !== 'function') return undefined;
    let footHeight = 0;
    const ro = new ResizeObserver((entries) => {
      const height = entries[0]?.contentRect.height ?? footHeight;
      const grew = Math.max(0, height - footHeight);
      footHeight = height;
      // Following (the common case while a reply streams): one write, no reads of the scroller's geometry.
      if (state.anchor?.kind === 'bottom') {
        el.scrollTop = el.scrollHeight;
        return;
      }
      if (el.clientHeight === 0) return;
      // Following when the reader was at the bottom before this growth: a scroll event that landed between the
      // growth and this callback (a reply that grows several lines at once) must not end the following.
      const gap = el.scrollHeight - el.scrollTop - el.clientHeight;
      if (state.reportedBottom && gap <= grew + 8) {
        el.scrollTop = el.scrollHeight;
        state.anchor = BOTTOM;
      }
    });
    ro.observe(box);
    return () => ro.disconnect();
  }, [hasFooter]);

  /** Rows or the viewport changed size after render (an image loaded, the composer grew, the panel resized). */
  function onResize() {
    const el = scroller.current;
    const box = inner.current;
    if (!el || !box) return;
    const viewportChanged = el.clientHeight > 0 && el.clientHeight !== state.height;
    if (measure(state, box) || viewportChanged) rerender();
  }

  function checkNearTop(el: HTMLElement) {
    const { onNearTop } = propsRef.current;
    const y = el.clientHeight > 0 ? el.scrollTop : renderTop(state, state.keys, state.offsets);
    if (onNearTop && state.keys.length > 0 && y < (propsRef.current.nearTopPx ?? nearTopPx)) onNearTop();
  }

  function reportBottom() {
    const atBottom = state.anchor?.kind === 'bottom';
    if (atBottom === state.reportedBottom) return;
    state.reportedBottom = atBottom;
    propsRef.current.onAtBottomChange?.(atBottom);
  }

  function onScroll() {
    const el = scroller.current;
    const box = inner.current;
    // No layout (a hidden panel): nothing a person sees moved, so the anchor stays.
    if (!el || !box || el.clientHeight === 0) return;
    state.top = el.scrollTop;
    state.height = el.clientHeight;
    state.anchor = readAnchor(state, el, box, propsRef.current.stickToBottom ?? false);
    reportBottom();
    const next = visibleRange(state.offsets, renderTop(state, state.keys, state.offsets), state.height, overscan);
    // Rows that left the overscan stay rendered until a few more went by: a log following a growing reply scrolls a
    // little every frame, and re-rendering the list for each row that leaves costs more than keeping it a while.
    const covered = next.start >= state.start && next.end <= state.end;
    if (!covered || next.start - state.start > SLACK_ROWS || state.end - next.end > SLACK_ROWS) rerender();
    checkNearTop(el);
  }

  return (
    <div
      ref={scroller}
      class={props.class ? `tc-vlist ${props.class}` : 'tc-vlist'}
      role={props.role}
      aria-label={props.label}
      aria-live={props.live}
      tabIndex={0}
      onScroll={onScroll}
    >
      <div ref={inner} class="tc-vlist-rows" style={{ paddingTop: `${offsets[start]!}px`, paddingBottom: `${total - offsets[end]!}px` }}>
        {items.slice(start, end).map((item, i) => (
          <div key={keys[start + i]} class="tc-vlist-row">
            {renderItem(item)}
          </div>
        ))}
      </div>
      {hasFooter && (
        <div ref={foot} class="tc-vlist-footer">
          {props.footer}
        </div>
      )}
    </div>
  );
}
