import type { ChatStore, ThreadItem, ThreadModel } from '../state/types.ts';
import { MessageRow } from './MessageRow.tsx';
import { VirtualList } from './VirtualList.tsx';

/** Props of {@link MessageLog}. */
export interface MessageLogProps {
  store: ChatStore;
  thread: ThreadModel;
}

const itemKey = (item: ThreadItem) => item.key;
const isMine = (item: ThreadItem) => item.mine;

/**
 * The thread's messages as role="log" "Messages", virtualized: it opens at the newest message, follows new ones
 * while the reader is at the bottom (and always after their own send), and loads older history when the reader
 * nears the top, keeping the first visible message where it was (issue 4, part 5).
 * Rows are keyed by `item.key`, which is stable from the moment a message is written, so pending → sent is an
 * attribute change on the same element, never a second element.
 */
export function MessageLog({ store, thread }: MessageLogProps) {
  const items = thread.items.value;
  // Read through peek() at call time: the list calls this on every scroll near the top, and the model's own
  // guard is the last word, but not asking at all while a page is loading keeps the log quiet.
  const loadOlder = () => {
    if (thread.hasMore.peek() && !thread.loadingOlder.peek()) void thread.loadOlder();
  };
  return (
    <div class="tc-log-wrap">
      {thread.loadingOlder.value && (
        <p class="tc-log-loading" role="status">
          Loading earlier messages…
        </p>
      )}
      <VirtualList
        role="log"
        label="Messages"
        // A log is polite by default, which would read out every history page and one's own sends;
        // NewMessageAnnouncer says what is news instead (docs/ui-contract.md).
        live="off"
        class="tc-log"
        items={items}
        itemKey={itemKey}
        renderItem={(item) => <MessageRow item={item} sender={store.displayName(item.message.sender_id)} onRetry={(key) => thread.retry(key)} />}
        estimateHeight={64}
        stickToBottom
        follows={isMine}
        onNearTop={loadOlder}
      />
    </div>
  );
}
