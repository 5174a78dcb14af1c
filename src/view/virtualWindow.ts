/**
 * The pure part of {@link VirtualList}: where each row starts, and which rows a scroll position needs.
 * Kept apart from the component so it is tested without layout (happy-dom has none).
 */

/** `offsets[i]` is where row i starts; `offsets[n]` is the total height. */
export function rowOffsets(keys: readonly string[], heights: ReadonlyMap<string, number>, estimate: number): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) offsets[i + 1] = offsets[i]! + (heights.get(keys[i]!) ?? estimate);
  return offsets;
}

/** The index of the row that covers `y` (the last row when `y` is past the end; 0 when before the start). */
export function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows `[start, end)` to render for a viewport at `top` of `height`, with `overscan` px either side. */
export function visibleRange(offsets: Float64Array, top: number, height: number, overscan: number): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const start = rowAt(offsets, Math.max(0, top - overscan));
  const end = Math.min(n, rowAt(offsets, top + height + overscan) + 1);
  return { start, end };
}
