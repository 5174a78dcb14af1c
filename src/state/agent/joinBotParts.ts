import type { ThreadItem } from '../types.ts';
import { CONTINUED_MARKER } from './botMessage.ts';

const continues = (item: ThreadItem) => item.status !== 'failed' && item.message.body?.endsWith(CONTINUED_MARKER) === true;

/**
 * Shows a long agent reply, posted as several messages (each ending in {@link CONTINUED_MARKER} but the last), as
 * the one message it was: the first part's row with the whole text. A failed part is not joined (its row keeps its
 * own Retry). The same items come back when nothing was split, so a thread without long replies costs one pass
 * (a joined row is a new object on each change of the thread: only threads with long replies pay for that).
 */
export function joinBotParts(items: readonly ThreadItem[]): readonly ThreadItem[] {
  if (!items.some(continues)) return items;
  const out: ThreadItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const first = items[i]!;
    if (!continues(first)) {
      out.push(first);
      continue;
    }
    const parts = [first];
    while (i + 1 < items.length && continues(parts[parts.length - 1]!)) {
      const next = items[i + 1]!;
      if (next.message.sender_id !== first.message.sender_id || next.status === 'failed') break;
      parts.push(next);
      i++;
    }
    out.push(joinRun(parts));
  }
  return out;
}

function joinRun(parts: readonly ThreadItem[]): ThreadItem {
  const first = parts[0]!;
  const body = parts.map((p) => (continues(p) ? p.message.body!.slice(0, -CONTINUED_MARKER.length) : p.message.body)).join('\n\n');
  // Pending until every part is here and sent, so the announcement (read once sent) is of the whole reply.
  const status = parts.every((p) => p.status === 'sent') && !continues(parts[parts.length - 1]!) ? 'sent' : 'pending';
  return { ...first, status, message: { ...first.message, body } };
}
