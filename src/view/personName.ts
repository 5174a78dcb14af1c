import type { ChatStore } from '../state/types.ts';
import type { StringKey } from '../i18n/en.ts';

/**
 * How the views name a person: the name the store knows (their own, one learnt from a typing event), or "You" in
 * the reader's language for the visitor who gave none; an agent
 * (`bot:<id>`) as "Assistant"; an anonymous visitor as "Visitor 1a2b3c" (the start of their `anon_<uuid>` id,
 * enough for a support person to tell visitors apart); else the user id as it is.
 */
export function personName(store: Pick<ChatStore, 'displayName' | 'userId'>, userId: string, t: (key: StringKey, values?: Readonly<Record<string, string>>) => string): string {
  const name = store.displayName(userId);
  // The store's own word for the default support user is English; the views say it in the visitor's language.
  if (userId === 'support' && name === 'Support') return t('kindSupport');
  if (userId === store.userId.value && name === 'You') return t('you');
  // '' is what a typing event without a name leaves behind (an anonymous visitor): no name known.
  if (name !== userId && name !== '') return name;
  if (userId.startsWith('bot:')) return t('agentName');
  const anonymous = /^anon_([0-9a-z]{6})/i.exec(userId);
  return anonymous ? t('visitorName', { id: anonymous[1]! }) : userId;
}
