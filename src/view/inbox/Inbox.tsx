import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { ChatStore } from '../../state/types.ts';
import { BackIcon } from '../icons.tsx';
import { useT } from '../I18n.tsx';
import { Thread } from '../Thread.tsx';
import { InboxList } from './InboxList.tsx';
import { useNow } from './useNow.ts';
import { useWide } from './useWide.ts';
import { visitorName } from './visitorName.ts';

export { inboxStyles } from './inboxStyles.ts';
// Its rows are the list's rows (InboxItem uses their classes): the list's CSS comes along, before its own.
export { listStyles } from '../styles/listStyles.ts';

/** From this width of the widget on, the list and the open thread are side by side. */
const twoPanes = 720;

/** Props of {@link Inbox}. */
export interface InboxProps {
  store: ChatStore;
  composerTools?: ComponentChildren;
}

/**
 * The support side (a `support` or `admin` user): the conversations beside the open thread when the widget is at
 * least 720 px wide, else one of the two with "Back to conversations". The thread's header names the visitor.
 * Escape in the thread goes back: to the list beside it (focus on the conversation), or to the list screen.
 */
export function Inbox({ store, composerTools }: InboxProps) {
  const root = useRef<HTMLDivElement>(null);
  const wide = useWide(root, twoPanes);
  const now = useNow(30_000);
  const t = useT();
  const thread = store.screen.value === 'thread' ? store.thread.value : null;
  const summary = thread ? store.conversations.value.find((s) => s.conversation.id === thread.conversationId) : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented || thread === null) return;
    if (!(e.target as Element).closest('.tc-inbox-thread')) return;
    e.preventDefault();
    if (!wide) return store.backToList();
    const item = [...(root.current?.querySelectorAll<HTMLElement>('[data-conversation-id]') ?? [])].find((el) => el.dataset.conversationId === thread.conversationId);
    item?.focus();
  };
  return (
    <div ref={root} class={wide ? 'tc-inbox tc-inbox-wide' : 'tc-inbox'} onKeyDown={onKeyDown}>
      {(wide || thread === null) && (
        <div class="tc-inbox-list">
          <div class="tc-header" part="header">
            <h2 class="tc-title">{t('conversations')}</h2>
          </div>
          <InboxList store={store} now={now} openId={thread?.conversationId ?? null} />
        </div>
      )}
      {(wide || thread !== null) && (
        <div class="tc-inbox-thread">
          {thread === null ? (
            <p class="tc-note tc-inbox-pick">{t('pickConversation')}</p>
          ) : (
            <>
              <div class="tc-header" part="header">
                {!wide && (
                  <button type="button" class="tc-icon-button" aria-label={t('backToConversations')} onClick={() => store.backToList()}>
                    <BackIcon />
                  </button>
                )}
                <h2 class="tc-title">{summary ? visitorName(store, summary, t) : t('conversation')}</h2>
              </div>
              <Thread key={thread.conversationId} store={store} thread={thread} composerTools={composerTools} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
