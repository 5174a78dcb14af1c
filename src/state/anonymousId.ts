import type { WidgetStorage } from './createStorage.ts';

/** A random id, from `crypto.randomUUID` where it exists (secure contexts), else `getRandomValues`. */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The visitor's stable anonymous user id: made once, then kept in this browser. */
export function anonymousId(storage: WidgetStorage): string {
  const known = storage.get<string>('anon-id');
  if (typeof known === 'string' && known !== '') return known;
  const id = `anon_${randomId()}`;
  storage.set('anon-id', id);
  return id;
}
