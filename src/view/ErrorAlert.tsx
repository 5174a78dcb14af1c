import type { Sentence } from '../state/types.ts';
import { useT } from './I18n.tsx';

/**
 * The store's error sentence in role=alert, in the reader's language, with "Dismiss" (the store decides whether the error can go away:
 * a refused secret key stays).
 */
export function ErrorAlert({ error, onDismiss }: { error: Sentence | null; onDismiss: () => void }) {
  const t = useT();
  if (error === null) return null;
  return (
    <div class="tc-alert" role="alert">
      <p class="tc-alert-text">{t(error)}</p>
      <button type="button" class="tc-link-button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
