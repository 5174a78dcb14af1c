/** The user token the widget sends, and when to ask the page for a fresh one. */
export interface UserToken {
  /** Sets (or clears, with null) the token the page gave; a new token reschedules the refresh. */
  set(token: string | null): void;
  /** Turns sending on once `/v1/config` advertises signed identity; never before, so no server gets a header it did not ask for. */
  enable(on: boolean): void;
  /** The token to send, or undefined (none given, or the server does not take tokens). */
  current(): string | undefined;
  /** Calls `listener` whenever the token to send changes (realtime sends it to its channels at once); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Asks the page for a fresh token now; resolves with it, or undefined if none comes within `waitMs`. */
  renew(waitMs?: number): Promise<string | undefined>;
}

/**
 * Holds the page's user token (`user-token`, `identify({ token })`, `mount({ userToken })`) and calls `refresh`
 * shortly before it expires, so that neither REST nor realtime carries an expired one.
 * @param refresh - asks the page for a fresh token (its `getUserToken()`, else a `tinychat:token-expired` event)
 */
export function createUserToken(refresh: () => void): UserToken {
  let token: string | null = null;
  let enabled = false;
  let cancel: (() => void) | undefined;
  const listeners = new Set<() => void>();
  const current = (): string | undefined => (enabled && token !== null ? token : undefined);

  const schedule = (): void => {
    listeners.forEach((l) => l());
    cancel?.();
    const now = current();
    let cancelled = false;
    cancel = () => void (cancelled = true);
    if (now === undefined) return;
    void import('./scheduleTokenRefresh.ts').then(({ scheduleTokenRefresh }) => {
      if (!cancelled) cancel = scheduleTokenRefresh(now, refresh);
    });
  };

  return {
    set(next) {
      if (next === token) return;
      token = next;
      schedule();
    },
    enable(on) {
      enabled = on;
      schedule();
    },
    current,
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    renew(waitMs = 10_000) {
      const before = token;
      return new Promise((resolve) => {
        const done = (): void => {
          if (token === before) return;
          clearTimeout(timer);
          listeners.delete(done);
          resolve(current());
        };
        const timer = setTimeout(() => {
          listeners.delete(done);
          resolve(undefined);
        }, waitMs);
        listeners.add(done);
        refresh();
      });
    },
  };
}
