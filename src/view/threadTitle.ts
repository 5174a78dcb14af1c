import type { ChatStore, ThreadModel } from '../state/types.ts';
import type { StringKey } from '../i18n/en.ts';
import { personName } from './personName.ts';

/**
 * Who the visitor is talking to, for the thread's header: the person who wrote last in it (not the visitor, not
 * an agent), else the tenant's name from `/v1/config`, else "Conversation".
 */
export function threadTitle(store: ChatStore, thread: ThreadModel, t: (key: StringKey, values?: Readonly<Record<string, string>>) => string): string {
  const person = thread.items.value.findLast((i) => !i.mine && !i.message.sender_id.startsWith('bot:'));
  return person ? personName(store, person.message.sender_id, t) : (store.tenantName?.value ?? t('conversation'));
}
