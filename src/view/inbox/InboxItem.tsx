import type { ConversationSummary } from '../../state/types.ts';
import { formatShort, parseTime } from '../formatTime.ts';
import { useLocale, useT } from '../I18n.tsx';

/** Props of {@link InboxItem}. */
export interface InboxItemProps {
  summary: ConversationSummary;
  /** The visitor's name (visitorName). */
  name: string;
  /** "Waiting 3 min", or null when nobody waits. */
  waiting: string | null;
  handedOver: boolean;
  /** The conversation open beside the list (two panes): `aria-current`. */
  current: boolean;
  onOpen: (id: string) => void;
}

/**
 * One conversation in the support inbox: a button whose text, in reading order, is the visitor's name, "Handed
 * over" when the agent passed it on, the last message, how long the visitor has been waiting, the time and the
 * unread count (the same unseen commas as ConversationItem, so what is heard is what is seen). No kind tag: a
 * support inbox is all support.
 */
export function InboxItem({ summary, name, waiting, handedOver, current, onOpen }: InboxItemProps) {
  const t = useT();
  const { tag } = useLocale();
  const when = summary.lastAt === null ? null : parseTime(summary.lastAt);
  const last = summary.lastMessage === '[image]' ? `📷 ${t('image')}` : (summary.lastMessage ?? '');
  const sep = <span class="tc-conv-sep">, </span>;
  return (
    <li class="tc-conv-item">
      <button
        type="button"
        class="tc-conv tc-inbox-item"
        data-conversation-id={summary.conversation.id}
        data-waiting={waiting === null ? undefined : 'true'}
        aria-current={current ? 'true' : undefined}
        onClick={() => onOpen(summary.conversation.id)}
      >
        <span class="tc-conv-head">
          <span class="tc-conv-who">
            {name}
            {sep}
          </span>
          {handedOver && (
            <span class="tc-inbox-mark">
              {t('inboxHandedOver')}
              {sep}
            </span>
          )}
        </span>
        <span class="tc-conv-last">
          {last}
          {(waiting !== null || when !== null || summary.unread > 0) && sep}
        </span>
        {waiting !== null && (
          <span class="tc-inbox-waiting">
            {waiting}
            {(when !== null || summary.unread > 0) && sep}
          </span>
        )}
        {when !== null && (
          <time class="tc-conv-time" dateTime={summary.lastAt ?? undefined}>
            {formatShort(when, undefined, tag)}
            {summary.unread > 0 && sep}
          </time>
        )}
        {summary.unread > 0 && (
          <span class="tc-conv-unread">
            <span class="tc-badge" aria-hidden="true">
              {summary.unread > 99 ? '99+' : summary.unread}
            </span>
            <span class="tc-visually-hidden">{t('unreadCount', { count: summary.unread })}</span>
          </span>
        )}
      </button>
    </li>
  );
}
