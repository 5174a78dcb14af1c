import { useT } from './i18n/I18n.tsx';

/**
 * The store's error sentence in role=alert, with "Dismiss" (the store decides whether the error can go away:
 * a refused secret key stays).
 */
export function ErrorAlert({ error, onDismiss }: { error: string | null; onDismiss: () => void }) {
  const t = useT();
  if (error === null) return null;
  return (
    <div class="tc-alert" role="alert">
      <p class="tc-alert-text">{error}</p>
      <button type="button" class="tc-link-button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
