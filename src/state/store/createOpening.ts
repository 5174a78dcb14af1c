import { batch } from '@preact/signals';
import type { LiveEvent, Message } from '../../transport/types.ts';
import type { Outbox } from '../createOutbox.ts';
import { createThread, type Thread } from '../createThread.ts';
import { until } from '../until.ts';
import type { ConversationList } from './createConversationList.ts';
import type { StoreState } from './createStoreState.ts';
import type { Unread } from './createUnread.ts';
import type { Watching } from './createWatching.ts';

/** Which thread the panel shows, and the one loaded ahead while it is closed. */
export interface Opening {
  /** The thread loaded while closed for the conversation opening will show, if any (see `prefetch`). */
  prefetched(): Thread | null;
  /** Shows the conversation's thread (the prefetched one when it is that conversation). */
  show(conversationId: string): void;
  /** An integrator who pinned a thread (`external-ref`, e.g. an order) means it: open goes straight into it. */
  openPinned(): void;
  /**
   * While the panel is closed and the page idle, loads what opening will show (the remembered conversation, or
   * the pinned one, resolved once), so a click opens a thread that is already there instead of waiting for
   * get-or-create and the first history page (two round trips and their CORS preflights on another origin).
   */
  prefetch(): Promise<void>;
  /** Hands a live event to the thread holding its conversation; true when the open thread took it. */
  deliver(conversationId: string, event: LiveEvent): boolean;
  /** Back to the list: the thread goes, its channel too unless the list keeps it. */
  leave(): void;
  dispose(): void;
}

export interface OpeningParts {
  outbox: Outbox;
  list: ConversationList;
  unread: Unread;
  watching: Watching;
  /** Told about each message from someone else a thread did not hold before. */
  onIncoming(message: Message): void;
}

/** Opens threads, prefetches the one opening will show, and resolves the pinned conversation. */
export function createOpening(state: StoreState, parts: OpeningParts): Opening {
  const { settings, api, storage, thread, userId, openId, saveUi, fail } = state;
  const { outbox, list, unread, watching } = parts;
  let prefetched: Thread | null = null;

  const makeThread = (conversationId: string): Thread =>
    createThread({
      conversationId,
      api,
      outbox,
      userId: userId.value,
      userName: settings.userName,
      onIncoming: parts.onIncoming,
      onError: (e) => fail(e),
      // While the agent's 429 wait runs the composer holds the draft.
      canSend: () => state.agent.peek()?.controller.canSend(conversationId) ?? true,
    });

  const pinnedKey = () => `pinned:${userId.value}:${settings.conversationKind}:${settings.externalRef ?? ''}`;

  /** The pinned conversation's id: remembered from before, else get-or-create (once; a retry reuses its ref). */
  async function resolvePinned(): Promise<string> {
    const known = storage.get<string>(pinnedKey());
    if (typeof known === 'string' && known !== '') return known;
    const conversation = await list.getOrCreate(settings.externalRef ?? '');
    storage.set(pinnedKey(), conversation.id);
    return conversation.id;
  }

  const opening: Opening = {
    prefetched: () => prefetched,
    show(conversationId) {
      const current = thread.value;
      if (current?.conversationId === conversationId) return;
      current?.dispose();
      const previous = current?.conversationId;
      const next = prefetched?.conversationId === conversationId ? prefetched : makeThread(conversationId);
      if (prefetched !== next) prefetched?.dispose();
      prefetched = null;
      batch(() => {
        thread.value = next;
        openId.value = conversationId;
      });
      saveUi();
      if (previous !== undefined) watching.release(previous);
      watching.watch(conversationId);
      if (state.isOpen.value) unread.markRead(conversationId);
      // Reading position: everything loaded on open counts as read once it is shown.
      void until(next.ready, (r) => r).then(() => {
        if (state.reading(conversationId)) unread.markRead(conversationId);
      });
    },
    openPinned() {
      if (settings.externalRef === null || thread.value !== null) return;
      if (prefetched !== null) return opening.show(prefetched.conversationId);
      void resolvePinned().then(
        (id) => {
          if (!state.disposed && thread.value === null) opening.show(id);
        },
        fail,
      );
    },
    async prefetch() {
      if (thread.value !== null || prefetched !== null || state.disposed) return;
      let id = openId.value;
      if (id === null && settings.externalRef !== null) {
        id = await resolvePinned().catch(() => null);
        if (id === null || state.disposed || thread.value !== null || prefetched !== null) return;
      }
      if (id === null) return;
      prefetched = makeThread(id);
      watching.watch(id);
    },
    deliver(conversationId, event) {
      const open = thread.value;
      if (open?.conversationId === conversationId) {
        open.receive(event);
        return true;
      }
      if (prefetched?.conversationId === conversationId) prefetched.receive(event);
      return false;
    },
    leave() {
      const t = thread.value;
      t?.dispose();
      batch(() => {
        thread.value = null;
        openId.value = null;
      });
      saveUi();
      if (t !== null) watching.release(t.conversationId);
      void list.refresh().catch(() => {});
    },
    dispose() {
      thread.value?.dispose();
    },
  };
  return opening;
}
