import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ChatStore, ThreadItem, ThreadModel } from '../state/types.ts';
import { useT } from './I18n.tsx';
import { useThreadActions } from './actions/ThreadActions.tsx';
import { MessageRow } from './MessageRow.tsx';
import { personName } from './personName.ts';
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
 * nears the top, keeping the first visible message where it was (issue 4, part 5). Scrolled up, a "Jump to latest"
 * button (counting what arrived meanwhile) brings the reader back down.
 * Rows are keyed by `item.key`, which is stable from the moment a message is written, so pending → sent is an
 * attribute change on the same element, never a second element.
 */
export function MessageLog({ store, thread }: MessageLogProps) {
  const items = thread.items.value;
  const wrap = useRef<HTMLDivElement>(null);
  const t = useT();
  const atBottom = useSignal(true);
  const unseen = useSignal(0);
  const lastKey = useRef(items[items.length - 1]?.key);

  // Count messages from others that arrive below while the reader is scrolled up.
  useEffect(() => {
    const previous = lastKey.current;
    lastKey.current = items[items.length - 1]?.key;
    if (atBottom.peek() || previous === undefined || previous === lastKey.current) return;
    let i = items.length - 1;
    let fresh = 0;
    for (; i >= 0 && items[i]!.key !== previous; i--) if (!items[i]!.mine) fresh++;
    if (i >= 0) unseen.value += fresh;
  }, [items]);

  // Read through peek() at call time: the list calls this on every scroll near the top, and the model's own
  // guard is the last word, but not asking at all while a page is loading keeps the log quiet.
  const loadOlder = () => {
    if (thread.hasMore.peek() && !thread.loadingOlder.peek()) void thread.loadOlder();
  };
  const jumpToLatest = () => {
    const log = wrap.current?.querySelector<HTMLElement>('.tc-log');
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    // The list re-reads its position on scroll; say so now rather than wait for the browser's event.
    log.dispatchEvent(new Event('scroll'));
    // The button is about to go: keep focus where the reader now is, not on the page.
    log.focus();
  };
  const loadingOlder = thread.loadingOlder.value;
  // A reply's quote brings its message into view through the list (issue 6, item 3).
  const actions = useThreadActions();
  // The agent (issue 5): its messages render as markdown under its own name; its reply streams in as the last row.
  const agent = store.agent?.value ?? null;
  const senderName = (id: string) => (agent !== null && id === agent.senderId ? t('agentName') : personName(store, id, t));
  return (
    <div class="tc-log-wrap" part="message-list" ref={wrap}>
      {loadingOlder && (
        <p class="tc-log-loading" role="status">
          {t('loadingEarlier')}
        </p>
      )}
      <VirtualList
        role="log"
        label={t('messages')}
        class="tc-log"
        // A log is polite by default, which would read out every history page and one's own sends;
        // NewMessageAnnouncer says what is news instead (docs/ui-contract.md).
        live="off"
        items={items}
        itemKey={itemKey}
        renderItem={(item) => (
          <MessageRow
            item={item}
            sender={senderName(item.message.sender_id)}
            onRetry={(key) => thread.retry(key)}
            Body={agent !== null && item.message.sender_id === agent.senderId ? agent.Body : undefined}
          />
        )}
        footer={agent !== null ? <agent.Footer thread={thread} /> : undefined}
        estimateHeight={64}
        stickToBottom
        follows={isMine}
        handle={actions?.list}
        onNearTop={loadOlder}
        onAtBottomChange={(value) => {
          atBottom.value = value;
          if (value) unseen.value = 0;
        }}
      />
      {!atBottom.value && (
        <button type="button" class="tc-jump" onClick={jumpToLatest}>
          {unseen.value > 0 ? t(unseen.value === 1 ? 'jumpNewOne' : 'jumpNewMany', { count: unseen.value }) : t('jumpToLatest')}
        </button>
      )}
    </div>
  );
}
