import type { ChatStore } from '../../state/types.ts';
import { moveAlong } from '../ConversationList.tsx';
import { useT } from '../I18n.tsx';
import { InboxItem } from './InboxItem.tsx';
import { visitorName } from './visitorName.ts';
import { handedOver, waitingSince, waitingText } from './waitingSince.ts';

/**
 * The support person's conversations (role=list "Conversations"), newest first as the store orders them, without
 * the ones nobody has written in yet (a visitor who only looked) and without "New conversation": support answers,
 * it does not start. Up/Down, Home/End move between them; Enter opens.
 * @param now - the time the waiting marks count from (the inbox ticks it)
 */
export function InboxList({ store, now, openId }: { store: ChatStore; now: number; openId: string | null }) {
  const t = useT();
  const me = store.userId.value;
  const shown = store.conversations.value.filter((s) => s.lastAt !== null || s.lastMessage !== null);
  return (
    <div class="tc-convs">
      {shown.length === 0 && <p class="tc-note">{t('nobodyWaiting')}</p>}
      <ul role="list" aria-label={t('conversations')} class="tc-conv-list" part="conversation-list" onKeyDown={moveAlong}>
        {shown.map((summary) => {
          const since = waitingSince(summary, me);
          return (
            <InboxItem
              key={summary.conversation.id}
              summary={summary}
              name={visitorName(store, summary, t)}
              waiting={since === null ? null : waitingText(since, now, t)}
              handedOver={handedOver(summary, me)}
              current={summary.conversation.id === openId}
              onOpen={(id) => store.openConversation(id)}
            />
          );
        })}
      </ul>
    </div>
  );
}
