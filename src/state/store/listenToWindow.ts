/** What the store does when the page's window or document says something changed. */
export interface WindowHandlers {
  onFocus(): void;
  onOnline(): void;
  onOffline(): void;
  onVisible(): void;
}

/** Listens to focus, online, offline and visibility changes; returns what stops listening. */
export function listenToWindow(handlers: WindowHandlers): () => void {
  const { onFocus, onOnline, onOffline, onVisible } = handlers;
  globalThis.addEventListener?.('focus', onFocus);
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  return () => {
    globalThis.removeEventListener?.('focus', onFocus);
    globalThis.removeEventListener?.('online', onOnline);
    globalThis.removeEventListener?.('offline', onOffline);
    globalThis.document?.removeEventListener('visibilitychange', onVisible);
  };
}
