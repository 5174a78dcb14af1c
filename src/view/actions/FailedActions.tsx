import type { ThreadItem } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { useThreadActions } from './ThreadActions.tsx';

/**
 * "Edit" and "Delete" on one's own message the server refused for good: Edit puts its text back into the message
 * box (ahead of any draft) and the row goes; Delete discards it, from storage too. Either way focus goes to the
 * box, where the visitor goes on. A chunk of its own: refusals are rare.
 */
export function FailedActions({ item }: { item: ThreadItem }) {
  const t = useT();
  const actions = useThreadActions();
  if (actions === null || actions.thread.discard === undefined || !item.mine) return null;
  const take = (edit: boolean) => {
    const text = actions.thread.discard?.(item.key) ?? '';
    const box = actions.root.current?.querySelector<HTMLTextAreaElement>('.tc-input');
    if (!box) return;
    if (edit && text !== '') {
      box.value = box.value === '' ? text : `${text}\n${box.value}`;
      // The composer takes (and saves) the draft from its own input event, as if typed.
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    box.focus();
  };
  return (
    <>
      {item.message.message_type === 'text' && (
        <button type="button" class="tc-link-button" onClick={() => take(true)}>
          {t('edit')}
        </button>
      )}
      <button type="button" class="tc-link-button" onClick={() => take(false)}>
        {t('delete')}
      </button>
    </>
  );
}
