import type { ThreadItem } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { preloadEditor } from './lazyEditor.ts';
import { preloadReply } from './lazyReply.ts';
import { useThreadActions } from './ThreadActions.tsx';

/**
 * "Reply" on any sent message, "Edit" (text messages) and "Delete" on one's own: plain buttons in the row, so
 * Tab reaches them; CSS shows them on hover and on focus within the row (always on touch screens).
 */
export function MessageActions({ item }: { item: ThreadItem }) {
  const t = useT();
  const actions = useThreadActions();
  const { message, status, mine } = item;
  if (actions === null || status !== 'sent' || message.deleted_at !== null) return null;
  const { thread } = actions;
  const canEdit = mine && thread.edit !== undefined && message.message_type === 'text';
  const canDelete = mine && thread.remove !== undefined;
  return (
    <div class="tc-msg-actions" role="group" aria-label={t('messageActions')}>
      <button
        type="button"
        class="tc-msg-action"
        onPointerEnter={preloadReply}
        onFocus={preloadReply}
        onClick={() => {
          actions.replyTo.value = item;
          actions.focusComposer();
        }}
      >
        {t('reply')}
      </button>
      {canEdit && (
        <button type="button" class="tc-msg-action" data-action="edit" onPointerEnter={preloadEditor} onFocus={preloadEditor} onClick={() => ((actions.confirmingDelete.value = null), (actions.editing.value = item.key))}>
          {t('edit')}
        </button>
      )}
      {canDelete && (
        <button type="button" class="tc-msg-action" data-action="delete" onPointerEnter={preloadEditor} onFocus={preloadEditor} onClick={() => ((actions.editing.value = null), (actions.confirmingDelete.value = item.key))}>
          {t('delete')}
        </button>
      )}
    </div>
  );
}
