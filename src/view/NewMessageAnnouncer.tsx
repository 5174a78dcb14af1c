import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { splitBotBody } from '../state/agent/botMessage.ts';
import type { ChatStore, ThreadItem, ThreadModel } from '../state/types.ts';
import type { StringKey } from './i18n/en.ts';
import { useT } from './i18n/I18n.tsx';

/**
 * A visually hidden polite live region that reads out messages from others as they arrive (issue 6, part 7).
 * The log itself is not live: history pages and one's own sends would be read out too. Only a message appended
 * after the first page, and not written by the visitor, is announced.
 */
export function NewMessageAnnouncer({ store, thread }: { store: ChatStore; thread: ThreadModel }) {
  const text = useSignal('');
  const t = useT();
  // The last key seen, per thread: switching threads is not news either.
  const seen = useRef<{ thread: ThreadModel; key: string | null } | null>(null);
  const items = thread.items.value;
  const ready = thread.ready.value;
  useEffect(() => {
    const last = items[items.length - 1];
    const previous = seen.current?.thread === thread ? seen.current.key : null;
    seen.current = { thread, key: last?.key ?? null };
    // The first page is not news.
    if (!ready || previous === null || last === undefined || last.key === previous) return;
    const fresh = newFromOthers(items, previous);
    // The agent's finished reply is read once, when it lands in the log as a message (not per token, issue 5).
    const bot = store.agent?.peek()?.senderId;
    const name = (item: ThreadItem) => (item.message.sender_id === bot ? t('agentName') : store.displayName(item.message.sender_id));
    const said = (item: ThreadItem) => (item.message.sender_id === bot ? splitBotBody(summary(item, t)).text : summary(item, t));
    if (fresh.length > 0) text.value = fresh.map((item) => t('announceMessage', { name: name(item), text: said(item) })).join('\n');
  }, [thread, items, ready]);
  return (
    <div class="tc-visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

/** Messages after `previousKey` written by others (only the last one when `previousKey` is gone, never the whole thread). */
function newFromOthers(items: readonly ThreadItem[], previousKey: string): ThreadItem[] {
  let from = items.length - 1;
  while (from >= 0 && items[from]!.key !== previousKey) from--;
  if (from < 0) from = items.length - 2;
  // Others' messages are pending only when this browser posts them (the agent's reply): read once it is sent.
  return items.slice(from + 1).filter((item) => !item.mine && item.status !== 'pending');
}

function summary(item: ThreadItem, t: (key: StringKey, values?: Record<string, string>) => string): string {
  if (item.message.deleted_at !== null) return t('messageDeleted');
  if (item.message.message_type === 'image') return item.message.body ? t('imageWithCaption', { caption: item.message.body }) : t('image');
  return item.message.body ?? '';
}
