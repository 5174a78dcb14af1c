import type { ChatStore, ConversationSummary } from '../../state/types.ts';
import type { StringKey } from '../../i18n/en.ts';
import { personName } from '../personName.ts';

type T = (key: StringKey, values?: Readonly<Record<string, string>>) => string;

/** The people a support person talks with in a conversation: its participants but themselves and agents. */
export function visitorsOf(summary: ConversationSummary, me: string): string[] {
  return summary.conversation.participants.filter((p) => p !== me && !p.startsWith('bot:'));
}

/**
 * How the inbox names a conversation: by its visitors' names, else their emails (the server's rows, default
 * mode), else a name learnt live (typing), else "Visitor" and the start of their id.
 */
export function visitorName(store: Pick<ChatStore, 'displayName' | 'userId'>, summary: ConversationSummary, t: T): string {
  const { participant_names: names, participant_emails: emails } = summary.conversation;
  const me = store.userId.value;
  const visitors = visitorsOf(summary, me);
  if (visitors.length === 0) return t('visitor');
  return visitors
    .map((id) => {
      const given = names?.[id] ?? emails?.[id];
      if (given) return given;
      const known = personName(store, id, t);
      // personName gives the id itself when it knows nothing: a person reads "Visitor u_42".
      return known === id ? t('visitorName', { id: id.slice(0, 8) }) : known;
    })
    .join(', ');
}
