import type { ThreadItem } from '../state/types.ts';
import { useThreadActions } from './actions/ThreadActions.tsx';
import { LazyFailedActions } from './actions/lazyFailedActions.ts';
import { useT } from './I18n.tsx';

/**
 * Under a message the server does not have yet: "Sending…", or "Waiting for the connection…" while sends wait
 * (offline, the service unreachable); under one it refused, why, with "Retry", "Edit" and "Delete".
 */
export function UnsentNote({ item, onRetry }: { item: ThreadItem; onRetry: (key: string) => void }) {
  const t = useT();
  const actions = useThreadActions();
  if (item.status === 'pending') {
    const waiting = actions?.thread.waiting?.value || actions?.store.connection.value === 'offline';
    return <p class="tc-msg-status">{t(waiting ? 'waitingForConnection' : 'sending')}</p>;
  }
  return item.status === 'failed' ? (
    <p class="tc-msg-failed">
      <span>{t(item.error ?? { key: 'notSent' })}</span>
      <button type="button" class="tc-link-button" onClick={() => onRetry(item.key)}>
        {t('retry')}
      </button>
      <LazyFailedActions item={item} />
    </p>
  ) : null;
}
