import type { ThreadItem } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { personName } from '../personName.ts';
import { jumpTo } from './jumpTo.ts';
import { excerpt, useThreadActions, type ThreadActions } from './ThreadActions.tsx';
// Its CSS travels in its chunk (src/view/styles/featureStyles.ts).
export { replyStyles } from '../styles/replyStyles.ts';

/** Sender and excerpt of a quoted message, as the reader's language says them. */
function describe(actions: ThreadActions, quoted: ThreadItem | undefined, t: ReturnType<typeof useT>): { name: string | null; text: string } {
  if (quoted === undefined) return { name: null, text: t('earlierMessage') };
  const { message } = quoted;
  const name = personName(actions.store, message.sender_id, t);
  if (message.deleted_at !== null) return { name, text: t('messageDeleted') };
  if (message.message_type === 'image' && (message.body ?? '') === '') return { name, text: t('image') };
  return { name, text: excerpt(message.body ?? '') };
}

/**
 * Above a reply's bubble: who and what it answers, as a button that brings the quoted message into view
 * (loading older pages when it is not loaded yet; a quote of a message no longer there says so).
 */
export function ReplyQuote({ replyTo }: { replyTo: string }) {
  const t = useT();
  const actions = useThreadActions();
  if (actions === null) return null;
  const { name, text } = describe(actions, actions.byId.value.get(replyTo), t);
  return (
    <button type="button" class="tc-quote" aria-label={name === null ? t('quoteShowEarlier') : t('quoteShow', { name, text })} onClick={() => void jumpTo(actions, replyTo)}>
      {name !== null && <span class="tc-quote-sender">{name}</span>}
      <span class="tc-quote-text">{text}</span>
    </button>
  );
}

/** Above the composer while replying: "Replying to Sam" with the excerpt, and "Cancel reply". */
export function ReplyBar() {
  const t = useT();
  const actions = useThreadActions();
  const target = actions?.replyTo.value ?? null;
  if (actions === null || target === null) return null;
  const { name, text } = describe(actions, target, t);
  return (
    <div class="tc-reply-bar" role="group" aria-label={t('replyingTo', { name: name ?? '' })}>
      <div class="tc-reply-bar-quote">
        <span class="tc-quote-sender">{t('replyingTo', { name: name ?? '' })}</span>
        <span class="tc-quote-text">{text}</span>
      </div>
      <button
        type="button"
        class="tc-msg-action"
        onClick={() => {
          actions.replyTo.value = null;
          actions.focusComposer();
        }}
      >
        {t('cancelReply')}
      </button>
    </div>
  );
}
