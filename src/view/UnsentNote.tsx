import type { ThreadItem } from '../state/types.ts';
import { useThreadActions } from './actions/ThreadActions.tsx';
import { useT } from './i18n/I18n.tsx';

/**
 * Under a message the server does not have yet: "Sending…", or "Waiting for the connection…" while sends wait
 * (offline, the service unreachable); for one it refused, why, with "Retry", "Edit" (its text goes back into the
 * message box, ahead of any draft, and the row goes) and "Delete" (gone, from storage too).
 */
export function UnsentNote({ item, onRetry }: { item: ThreadItem; onRetry: (key: string) => void }) {
  const t = useT();
  const actions = useThreadActions();
  if (item.status === 'sent') return null;
  if (item.status === 'pending') {
    const waiting = actions !== null && (actions.thread.waiting?.value === true || actions.store.connection.value === 'offline');
    return <p class="tc-msg-status">{t(waiting ? 'waitingForConnection' : 'sending')}</p>;
  }
  const discard = actions?.thread.discard;
  const take = (edit: boolean) => {
    if (actions === null || discard === undefined) return;
    const text = discard.call(actions.thread, item.key) ?? '';
    const box = actions.root.current?.querySelector<HTMLTextAreaElement>('.tc-input');
    if (!box) return;
    if (edit && text !== '') {
      box.value = box.value === '' ? text : `${text}\n${box.value}`;
      // The composer keeps its draft from its own input event (and saves it), as if typed.
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    // The row and its buttons are gone: focus goes where the visitor continues.
    box.focus();
  };
  return (
    <p class="tc-msg-failed">
      <span>{item.error ? t(item.error) : t('notSent')}</span>{' '}
      <button type="button" class="tc-link-button" onClick={() => onRetry(item.key)}>
        {t('retry')}
      </button>
      {discard !== undefined && item.mine && (
        <>
          {' '}
          {item.message.message_type === 'text' && (
            <button type="button" class="tc-link-button" onClick={() => take(true)}>
              {t('edit')}
            </button>
          )}{' '}
          <button type="button" class="tc-link-button" onClick={() => take(false)}>
            {t('delete')}
          </button>
        </>
      )}
    </p>
  );
}
