import type { ConversationSummary } from '../state/types.ts';
import { formatShort, parseTime } from './formatTime.ts';
import { useLocale, useT } from './i18n/I18n.tsx';
import { kindLabel } from './kindLabel.ts';

/**
 * One conversation in the list: a button naming its kind, last message (as text), time and unread count.
 * The button's name is spelled out in `aria-label` so a screen reader hears separated parts, not the spans run together.
 */
export function ConversationItem({ summary, onOpen }: { summary: ConversationSummary; onOpen: (id: string) => void }) {
  const when = summary.lastAt === null ? null : parseTime(summary.lastAt);
  const t = useT();
  const { tag } = useLocale();
  const kind = kindLabel(summary.kind, t);
  const last = summary.lastMessage ?? t('noMessagesYet');
  const time = when ? formatShort(when, undefined, tag) : null;
  const name = [kind, last, time, summary.unread > 0 ? t('unreadCount', { count: summary.unread }) : null].filter((p) => p !== null).join(', ');
  return (
    <li class="tc-conv-item">
      <button type="button" class="tc-conv" aria-label={name} onClick={() => onOpen(summary.conversation.id)}>
        <span class="tc-conv-top">
          <span class="tc-conv-kind">{kind}</span>
          {when && time && (
            <time class="tc-conv-time" dateTime={summary.lastAt ?? undefined}>
              {time}
            </time>
          )}
        </span>
        <span class="tc-conv-bottom">
          <span class="tc-conv-last">{last}</span>
          {summary.unread > 0 && <span class="tc-badge">{summary.unread > 99 ? '99+' : summary.unread}</span>}
        </span>
      </button>
    </li>
  );
}
