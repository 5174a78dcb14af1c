import type { ConversationList } from './createConversationList.ts';
import type { StoreState } from './createStoreState.ts';
import type { Unread } from './createUnread.ts';
import type { Watching } from './createWatching.ts';

/** Keeps the conversation list current while someone can see it. */
export interface ListRefresh {
  /** Fetches the list now, watches what is new in it and counts its unread messages again. */
  run(): Promise<void>;
  /** A channel (re)joined: one list fetch for all the channels that join together. */
  afterJoin(): void;
  /** The page came back into view or got focus: refresh at once, unless it was just done. */
  onFocus(): void;
  dispose(): void;
}

/**
 * Realtime covers the conversations already known (their channels are watched); one started by someone else
 * after the list loaded reaches us only through the list endpoint. So: fetch it again every `refreshMs` while
 * someone can see it (panel open, page visible), and at once when the page comes back into view. 0: never.
 */
export function createListRefresh(state: StoreState, parts: { list: ConversationList; unread: Unread; watching: Watching }, refreshMs: number): ListRefresh {
  const { list, unread, watching } = parts;
  const { conversations, isOpen } = state;
  let lastRefresh = 0;
  let joinedTimer: ReturnType<typeof setTimeout> | undefined;
  const visible = () => (globalThis.document?.visibilityState ?? 'visible') === 'visible';

  async function run(): Promise<void> {
    if (state.disposed || state.status.value !== 'ready') return;
    lastRefresh = Date.now();
    const before = new Map(conversations.value.map((c) => [c.id, c.last_at]));
    try {
      await list.refresh();
    } catch {
      return; // The next round tries again; a list that could not be refreshed is not worth an error sentence.
    }
    for (const c of conversations.value) if (!before.has(c.id)) unread.noteNew(c.id);
    if (watching.connected()) watching.watchAll();
    // Counted again from history: conversations new to the list or with messages since the last list (a channel
    // misses what is sent before it joins or while it is down).
    void unread.count((c) => !before.has(c.id) || before.get(c.id) !== c.last_at);
  }

  const timer =
    refreshMs > 0
      ? setInterval(() => {
          if (isOpen.value && visible() && Date.now() - lastRefresh >= refreshMs / 2) void run();
        }, refreshMs)
      : undefined;
  (timer as { unref?: () => void } | undefined)?.unref?.();

  return {
    run,
    afterJoin() {
      clearTimeout(joinedTimer);
      joinedTimer = setTimeout(() => void run(), 250);
    },
    onFocus() {
      if (refreshMs > 0 && isOpen.value && visible() && Date.now() - lastRefresh > 2000) void run();
    },
    dispose() {
      clearInterval(timer);
      clearTimeout(joinedTimer);
    },
  };
}
