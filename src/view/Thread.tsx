import type { ComponentChildren } from 'preact';
import type { ChatStore, ThreadModel } from '../state/types.ts';
import { Composer } from './Composer.tsx';
import { useT } from './i18n/I18n.tsx';
import { MessageLog } from './MessageLog.tsx';
import { NewMessageAnnouncer } from './NewMessageAnnouncer.tsx';
import { TypingLine } from './TypingLine.tsx';

/** Props of {@link Thread}. */
export interface ThreadProps {
  store: ChatStore;
  thread: ThreadModel;
  /** Passed to the composer (issue 6: "Attach image"). */
  composerTools?: ComponentChildren;
}

/** One open conversation: the message log, who is typing, the composer, and the hidden announcer of new messages. */
export function Thread({ store, thread, composerTools }: ThreadProps) {
  const ready = thread.ready.value;
  const t = useT();
  return (
    <div class="tc-thread">
      {!ready && (
        <p class="tc-note" role="status">
          {t('loadingMessages')}
        </p>
      )}
      {ready && thread.items.value.length === 0 && <p class="tc-note">{t('emptyThread')}</p>}
      <MessageLog store={store} thread={thread} />
      <TypingLine names={thread.typing.value} />
      <NewMessageAnnouncer store={store} thread={thread} />
      <Composer key={thread.conversationId} thread={thread} tools={composerTools} />
    </div>
  );
}
