/** JSON values under one widget's namespace. */
export interface WidgetStorage {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

function probe(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    // Access itself throws in sandboxed iframes and with storage blocked.
    const storage = globalThis[kind];
    return storage ?? null;
  } catch {
    return null;
  }
}

/**
 * Namespaced JSON storage on `localStorage` (or `sessionStorage`). When storage is blocked, full or absent
 * (private modes, server rendering) it keeps values in memory for this page's life instead of failing.
 */
export function createStorage(namespace: string, kind: 'localStorage' | 'sessionStorage' = 'localStorage'): WidgetStorage {
  const backing = probe(kind);
  const memory = new Map<string, string>();
  const full = (key: string) => `tinychat:${namespace}:${key}`;
  return {
    get<T>(key: string): T | undefined {
      let raw: string | null | undefined;
      try {
        raw = backing?.getItem(full(key));
      } catch {
        raw = undefined;
      }
      raw ??= memory.get(full(key));
      if (raw === null || raw === undefined) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      const raw = JSON.stringify(value);
      memory.set(full(key), raw);
      try {
        backing?.setItem(full(key), raw);
      } catch {
        // Quota or blocked: the in-memory copy still serves this page.
      }
    },
    remove(key) {
      memory.delete(full(key));
      try {
        backing?.removeItem(full(key));
      } catch {
        // Nothing to do: the value is gone from memory already.
      }
    },
  };
}
