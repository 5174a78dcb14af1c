/**
 * The store's error sentence in role=alert, with "Dismiss" (the store decides whether the error can go away:
 * a refused secret key stays).
 */
export function ErrorAlert({ error, onDismiss }: { error: string | null; onDismiss: () => void }) {
  if (error === null) return null;
  return (
    <div class="tc-alert" role="alert">
      <p class="tc-alert-text">{error}</p>
      <button type="button" class="tc-link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
