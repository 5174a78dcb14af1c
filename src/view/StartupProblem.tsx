import type { ChatStore, Sentence } from '../state/types.ts';
import { useT } from './I18n.tsx';

/**
 * While the widget cannot start (the service down, a load balancer's 503s, offline): why, in a sentence (offline,
 * the banner above says it), that it keeps trying by itself, and "Try again" to try now.
 */
export function StartupProblem({ store, failure, offline }: { store: ChatStore; failure: Sentence; offline: boolean }) {
  const t = useT();
  return (
    <div class="tc-start-problem" role="status">
      {!offline && <p>{t(failure)}</p>}
      <p class="tc-start-hint">{t('startRetrying')}</p>
      <button type="button" class="tc-primary" onClick={() => store.retryStart?.()}>
        {t('tryAgain')}
      </button>
    </div>
  );
}
