import type { ChatStore, ThreadModel } from '../state/types.ts';
import type { StringKey } from './i18n/en.ts';
import { kindLabel } from './kindLabel.ts';
import { personName } from './personName.ts';

/** How far back the header looks for the person who answered (rows from the end of what is held). */
const lookBack = 100;

/**
 * Who the visitor is talking to, for the thread's header: the person who wrote last in it (not the visitor, not
 * the agent), else the tenant's name from `/v1/config`, else the conversation's kind ("Support").
 */
export function threadTitle(
  store: ChatStore,
  thread: ThreadModel,
  t: (key: StringKey, values?: Readonly<Record<string, string>>) => string,
): string {
  const items = thread.items.value;
  for (let i = items.length - 1; i >= 0 && i >= items.length - lookBack; i--) {
    const item = items[i]!;
    const sender = item.message.sender_id;
    if (!item.mine && !sender.startsWith('bot:') && item.message.deleted_at === null) return personName(store, sender, t);
  }
  const tenant = store.tenantName?.value ?? null;
  if (tenant !== null) return tenant;
  const summary = store.conversations.value.find((c) => c.conversation.id === thread.conversationId);
  return summary ? kindLabel(summary.kind, t) : t('conversation');
}
