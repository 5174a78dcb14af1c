import type { ComponentType } from 'preact';
import type { ThreadItem } from '../state/types.ts';
import { formatClock, parseTime } from './formatTime.ts';
import { useLocale, useT } from './I18n.tsx';
import { MessageActions } from './actions/MessageActions.tsx';
import { LazyDeleteConfirm, LazyMessageEditor } from './actions/lazyEditor.ts';
import { LazyReplyQuote } from './actions/lazyReply.ts';
import { useThreadActions } from './actions/ThreadActions.tsx';
import { LazyMessageImage } from './images/lazyMessageImage.ts';
import { MessageText } from './MessageText.tsx';

/** Props of {@link MessageRow}. */
export interface MessageRowProps {
  item: ThreadItem;
  /** The sender's display name (from `store.displayName`). */
  sender: string;
  onRetry: (key: string) => void;
  /** Renders the text instead of plain linkified text (the agent's messages: safe markdown with sources). */
  Body?: ComponentType<{ text: string }> | undefined;
}

/**
 * The id a row carries in `data-message-id`: the server's id once the message is sent, the item's client key
 * before (a pending or failed message has no server id yet). Either way one row per message, so tests that count
 * `[data-message-id]` per text see each message once; and a reply's `reply_to` (a server id) finds its row.
 */
export function rowId(item: ThreadItem): string {
  return item.status === 'sent' ? item.message.id : item.key;
}

/**
 * One message of a thread: sender, time, then its text (links safe), its image, or "Message deleted"; an
 * "edited" mark; and for a failed send the reason and "Retry". Above the bubble, the message it replies to; below
 * it, Reply/Edit/Delete (or the edit box, or the delete confirmation). Status and ownership are data attributes
 * (docs/ui-contract.md) that the styles and the browser tests read.
 */
export function MessageRow({ item, sender, onRetry, Body }: MessageRowProps) {
  const { message, status, mine } = item;
  const when = parseTime(message.created_at);
  const t = useT();
  const { tag } = useLocale();
  const deleted = message.deleted_at !== null;
  // Issue 6, item 3: one row at a time is edited in place or asks "Delete this message?".
  const actions = useThreadActions();
  const editing = !deleted && actions?.editing.value === item.key;
  return (
    <article class="tc-msg" part={mine ? 'message message-mine' : 'message'} data-message-id={rowId(item)} data-status={status} data-mine={mine ? 'true' : 'false'}>
      <header class="tc-msg-meta">
        <span class="tc-msg-sender">{sender}</span>
        {when && (
          // No date tooltip: a dateStyle formatter costs ~20 ms to build, paid in the task that opens the thread.
          <time class="tc-msg-time" dateTime={message.created_at}>
            {formatClock(when, tag)}
          </time>
        )}
      </header>
      {message.reply_to !== null && !deleted && <LazyReplyQuote replyTo={message.reply_to} />}
      <div class="tc-msg-bubble">
        {editing ? (
          <LazyMessageEditor item={item} />
        ) : deleted ? (
          <p class="tc-msg-note">{t('messageDeleted')}</p>
        ) : (
          <>
            {message.message_type === 'image' && <LazyMessageImage url={message.media_url} sender={sender} />}
            {message.body !== null && message.body !== '' && (Body ? <Body text={message.body} /> : <MessageText text={message.body} />)}
            {message.edited_at !== null && <span class="tc-msg-edited">{t('edited')}</span>}
          </>
        )}
      </div>
      {actions?.confirmingDelete.value === item.key ? <LazyDeleteConfirm item={item} /> : !editing && <MessageActions item={item} />}
      {status === 'pending' && <p class="tc-msg-status">{t('sending')}</p>}
      {status === 'failed' && (
        <p class="tc-msg-failed">
          <span>{item.error ? t(item.error) : t('notSent')}</span>{' '}
          <button type="button" class="tc-link-button" onClick={() => onRetry(item.key)}>
            {t('retry')}
          </button>
        </p>
      )}
    </article>
  );
}
