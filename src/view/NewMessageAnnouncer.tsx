import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { splitBotBody } from '../state/agent/botMessage.ts';
import type { ChatStore, ThreadItem, ThreadModel } from '../state/types.ts';
import type { StringKey } from '../i18n/en.ts';
import { useT } from './I18n.tsx';
import { personName } from './personName.ts';

/** How many announcements stay in the region (each is its own node; older ones are not read again). */
const kept = 3;

/**
 * A visually hidden polite live region that reads out messages from others as they arrive (issue 6, part 7).
 * The log itself is not live: history pages and one's own sends would be read out too. Announced: each message
 * from someone else that appears at the end of the thread after its first page, once (an edit, a delete, a
 * realtime echo of the same message is not news). The agent's reply is read once it is finished and sent, never
 * token by token. Each announcement is a new node, so the same words twice ("ok", "ok") are read twice.
 */
export function NewMessageAnnouncer({ store, thread }: { store: ChatStore; thread: ThreadModel }) {
  const said = useSignal<readonly { id: number; text: string }[]>([]);
  const t = useT();
  // Keys of messages already shown, per thread: switching threads is not news either.
  const seen = useRef<{ thread: ThreadModel; seen: Seen } | null>(null);
  const serial = useRef(0);
  const items = thread.items.value;
  const ready = thread.ready.value;
  useEffect(() => {
    if (!ready) return;
    if (seen.current?.thread !== thread) {
      // The first page is not news.
      seen.current = { thread, seen: { keys: new Set(items.map((item) => item.key)), waiting: new Set() } };
      return;
    }
    const fresh = newFromOthers(items, seen.current.seen);
    if (fresh.length === 0) return;
    // The agent's finished reply is read once, when it lands in the log as a message (not per token, issue 5).
    const bot = store.agent?.peek()?.senderId;
    const name = (item: ThreadItem) => (item.message.sender_id === bot ? t('agentName') : personName(store, item.message.sender_id, t));
    const words = (item: ThreadItem) => (item.message.sender_id === bot ? splitBotBody(summary(item, t)).text : summary(item, t));
    const next = fresh.map((item) => ({ id: ++serial.current, text: t('announceMessage', { name: name(item), text: words(item) }) }));
    said.value = [...said.value, ...next].slice(-kept);
  }, [thread, items, ready]);
  return (
    <div class="tc-visually-hidden" aria-live="polite" aria-relevant="additions" aria-atomic="false">
      {said.value.map((a) => (
        <p key={a.id}>{a.text}</p>
      ))}
    </div>
  );
}

/** What the announcer has looked at in one thread. */
interface Seen {
  /** Keys of messages already shown (announced, one's own, or there before). */
  keys: Set<string>;
  /** Others' messages that appeared while still pending (the agent's reply this browser posts): read once sent. */
  waiting: Set<string>;
}

/**
 * Others' messages new since the last look, marking what it looks at as seen. Only what follows the newest seen
 * message counts: an older history page is prepended before it. One's own messages are marked seen unread.
 */
function newFromOthers(items: readonly ThreadItem[], seen: Seen): ThreadItem[] {
  const fresh: ThreadItem[] = [];
  if (seen.waiting.size > 0) {
    for (const item of items) {
      if (seen.waiting.has(item.key) && item.status === 'sent') {
        seen.waiting.delete(item.key);
        fresh.push(item);
      }
    }
  }
  let newestSeen = items.length - 1;
  while (newestSeen >= 0 && !seen.keys.has(items[newestSeen]!.key)) newestSeen--;
  for (const item of items.slice(newestSeen + 1)) {
    seen.keys.add(item.key);
    if (item.mine) continue;
    if (item.status === 'sent') fresh.push(item);
    else seen.waiting.add(item.key);
  }
  return fresh;
}

function summary(item: ThreadItem, t: (key: StringKey, values?: Record<string, string>) => string): string {
  if (item.message.deleted_at !== null) return t('messageDeleted');
  if (item.message.message_type === 'image') return item.message.body ? t('imageWithCaption', { caption: item.message.body }) : t('image');
  return item.message.body ?? '';
}
