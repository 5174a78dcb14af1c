import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { createThreadActions } from './actions/createThreadActions.ts';
import { LazyReplyBar } from './actions/lazyReply.ts';
import { ThreadActionsContext } from './actions/ThreadActions.tsx';
import { AttachButton } from './images/AttachButton.tsx';
import { LazyUploadTray } from './images/lazyUploadTray.ts';
import { useImageInput } from './images/useImageInput.ts';
import type { VirtualListHandle } from './VirtualList.tsx';
import type { ChatStore, ThreadModel } from '../state/types.ts';
import { Composer } from './Composer.tsx';
import { useT } from './I18n.tsx';
import { MessageLog } from './MessageLog.tsx';
import { NewMessageAnnouncer } from './NewMessageAnnouncer.tsx';
import { personName } from './personName.ts';
import { TypingLine } from './TypingLine.tsx';
import { Welcome, type WelcomeText } from './Welcome.tsx';

/** Props of {@link Thread}. */
export interface ThreadProps {
  store: ChatStore;
  thread: ThreadModel;
  /** Passed to the composer ("Attach image"). */
  composerTools?: ComponentChildren;
  /** The `greeting` and `reply-time` attributes. */
  welcome?: WelcomeText | undefined;
}

/**
 * One open conversation: the message log, who is typing, the composer, and the hidden announcer of new messages.
 * It provides the rows' actions (reply, edit, delete, jump to a quote) through {@link ThreadActionsContext},
 * shows uploads and the reply bar above the composer, puts "Attach image" in its tools, and takes pasted and
 * dropped images anywhere on the thread.
 */
export function Thread({ store, thread, composerTools, welcome }: ThreadProps) {
  const ready = thread.ready.value;
  const t = useT();
  // Reply/edit/delete shared by the rows and the composer; images in by button, paste and drop.
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<VirtualListHandle>(null);
  const notAvailable = useSignal(false);
  const actions = useMemo(() => createThreadActions(store, thread, { root, list, notAvailable }), [store, thread]);
  const images = useImageInput(thread, actions.replyTo);
  const tools =
    thread.sendImage === undefined ? (
      composerTools
    ) : (
      <>
        {composerTools}
        <AttachButton onFiles={images.add} />
      </>
    );
  return (
    <ThreadActionsContext.Provider value={actions}>
      <div class="tc-thread" ref={root} data-dropping={images.dropping.value ? 'true' : undefined} {...images.handlers}>
        {!ready && (
          <p class="tc-note" role="status">
            {t('loadingMessages')}
          </p>
        )}
        {ready && thread.items.value.length === 0 && thread.failedToLoad?.value !== true && <Welcome greeting={welcome?.greeting ?? null} replyTime={welcome?.replyTime ?? null} />}
        <MessageLog store={store} thread={thread} />
        {notAvailable.value && (
          <p class="tc-note" role="status">
            {t('quoteNotAvailable')}
          </p>
        )}
        <TypingLine names={thread.typers ? thread.typers.value.map((id) => personName(store, id, t)) : thread.typing.value} />
        <NewMessageAnnouncer store={store} thread={thread} />
        {((thread.uploads?.value.length ?? 0) > 0 || images.refusal.value !== null) && <LazyUploadTray thread={thread} refusal={images.refusal} />}
        {actions.replyTo.value !== null && <LazyReplyBar />}
        <Composer key={thread.viewKey ?? thread.conversationId} thread={thread} tools={tools} />
        {images.dropping.value && (
          <p class="tc-drop-hint" aria-hidden="true">
            {t('dropImage')}
          </p>
        )}
      </div>
    </ThreadActionsContext.Provider>
  );
}
