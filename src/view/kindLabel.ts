import type { ConversationKind } from '../transport/types.ts';
import type { StringKey } from '../i18n/en.ts';

const KEYS: Record<ConversationKind, StringKey> = { support: 'kindSupport', order: 'kindOrder', direct: 'kindDirect' };

/** A person's word for a conversation kind, in the locale of `t` (`useT()`); an unknown kind shows as sent. */
export function kindLabel(kind: ConversationKind, t: (key: StringKey) => string): string {
  const key = KEYS[kind];
  return key === undefined ? kind : t(key);
}
