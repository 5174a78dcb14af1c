import { timeKey } from './messageOrder.ts';
import type { ThreadItem } from './types.ts';

/**
 * The thread's rows: the sent ones (oldest first) with each unsent one (in the order written) placed at the time
 * it was written, so a message that failed yesterday stays where it was written instead of holding every newer
 * message above it, and a pending one sits after what was on screen when it was written. Walks from the end, where
 * unsent rows almost always are, so a long thread costs a few comparisons.
 *
 * @param sent - rows the server has, oldest first
 * @param unsent - pending and failed rows in the order written; their `created_at` is when they were written
 */
export function placePending(sent: readonly ThreadItem[], unsent: readonly ThreadItem[]): readonly ThreadItem[] {
  if (unsent.length === 0) return sent;
  const rows = sent.slice();
  let end = rows.length;
  for (let i = unsent.length - 1; i >= 0; i--) {
    const row = unsent[i]!;
    const key = timeKey(row.message.created_at);
    let at = end;
    while (at > 0 && timeKey(rows[at - 1]!.message.created_at) > key) at--;
    rows.splice(at, 0, row);
    end = at;
  }
  return rows;
}
