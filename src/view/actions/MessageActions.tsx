import type { ThreadItem } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { preloadEditor } from './lazyEditor.ts';
import { preloadReply } from './lazyReply.ts';
import { useThreadActions } from './ThreadActions.tsx';

/**
 * "Reply" on any sent message, "Edit" (text messages) and "Delete" on one's own: plain buttons in the row, so
 * Tab reaches them; CSS lays them over the row's top corner (they take no space) and shows them on hover and on
 * focus within the row. Touch screens cannot hover: there a "More actions" button opens them as a small menu, so
 * rows are not doubled in height by a line of buttons under every message.
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
    // Escape closes an open menu (and only the menu: the panel stays) with focus back on its button.
    <div
      class="tc-msg-more"
      onKeyDown={(e) => {
        const button = e.currentTarget.firstElementChild as HTMLElement | null;
        if (e.key !== 'Escape' || button?.getAttribute('aria-expanded') !== 'true') return;
        e.stopPropagation();
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }}
    >
      <button
        type="button"
        class="tc-msg-more-button"
        aria-label={t('moreActions')}
        aria-expanded="false"
        // Open state in the DOM, not in Preact state: it is only ever the menu of one row, and the row re-renders
        // (editor, reply bar) as soon as an action is picked. A tap anywhere else closes it.
        onClick={(e) => {
          const button = e.currentTarget;
          const open = button.getAttribute('aria-expanded') !== 'true';
          button.setAttribute('aria-expanded', String(open));
          if (open) closeOnTapOutside(button);
        }}
      >
        ⋯
      </button>
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
          <button
            type="button"
            class="tc-msg-action"
            data-action="edit"
            onPointerEnter={preloadEditor}
            onFocus={preloadEditor}
            onClick={() => ((actions.confirmingDelete.value = null), (actions.editing.value = item.key))}
          >
            {t('edit')}
          </button>
        )}
        {canDelete && (
          <button
            type="button"
            class="tc-msg-action tc-danger-text"
            data-action="delete"
            onPointerEnter={preloadEditor}
            onFocus={preloadEditor}
            onClick={() => ((actions.editing.value = null), (actions.confirmingDelete.value = item.key))}
          >
            {t('delete')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Closes `button`'s menu at the next press outside it (in the widget or on the page). */
function closeOnTapOutside(button: HTMLElement): void {
  const menu = button.parentElement;
  const outside = (e: Event): void => {
    if (menu !== null && e.composedPath().includes(menu)) return;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
  };
  document.addEventListener('pointerdown', outside, true);
}
