import type { ConversationSummary } from '../state/types.ts';
import { formatShort, parseTime } from './formatTime.ts';
import { useLocale, useT } from './I18n.tsx';
import { kindLabel } from './kindLabel.ts';

/** Props of {@link ConversationItem}. */
export interface ConversationItemProps {
  summary: ConversationSummary;
  /** Who the conversation is with ("Support", "Visitor 1a2b3c"); empty when nobody else is in it. */
  who: string;
  onOpen: (id: string) => void;
}

/**
 * One conversation in the list: a button naming who it is with, its kind (when that says more), the last message
 * (as text), time and unread count. The name is the button's own text, in that order, with hidden commas between
 * the parts, so what a screen reader says is what is seen (no aria-label that could drift from the text, axe
 * `label-content-name-mismatch`); the grid puts the time and the badge on the right. `data-conversation-id`
 * lets the panel put focus back on this item when the person comes back from its thread.
 */
export function ConversationItem({ summary, who, onOpen }: ConversationItemProps) {
  const when = summary.lastAt === null ? null : parseTime(summary.lastAt);
  const t = useT();
  const { tag } = useLocale();
  const kind = kindLabel(summary.kind, t);
  const title = who === '' ? kind : who;
  // '[image]' is the preview of an image without a caption (the server's, and the store's for live ones).
  const last = summary.lastMessage === '[image]' ? `📷 ${t('image')}` : (summary.lastMessage ?? t('noMessagesYet'));
  const time = when ? formatShort(when, undefined, tag) : null;
  // An unseen ", " ends every part but the last. Unseen by font-size 0, not the visually-hidden class: that one is
  // absolutely positioned, and name computation puts spaces around such an element ("Sam , Support"). The parts
  // are grid items, which it separates by a space, so the comma sits before that space: "Sam, Support".
  const more = { kind: title !== kind, time: when !== null && time !== null, unread: summary.unread > 0 };
  const comma = (follows: boolean) => follows && <span class="tc-conv-sep">, </span>;
  return (
    <li class="tc-conv-item">
      <button type="button" class="tc-conv" data-conversation-id={summary.conversation.id} onClick={() => onOpen(summary.conversation.id)}>
        <span class="tc-conv-head">
          <span class="tc-conv-who">
            {title}
            {comma(true)}
          </span>
          {more.kind && (
            <span class="tc-conv-kind">
              {kind}
              {comma(true)}
            </span>
          )}
        </span>
        <span class="tc-conv-last">
          {last}
          {comma(more.time || more.unread)}
        </span>
        {more.time && (
          <time class="tc-conv-time" dateTime={summary.lastAt ?? undefined}>
            {time}
            {comma(more.unread)}
          </time>
        )}
        {more.unread && (
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
