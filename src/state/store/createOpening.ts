import { batch } from '@preact/signals';
import type { LiveEvent, Message } from '../../transport/types.ts';
import type { Outbox } from '../createOutbox.ts';
import { randomId } from '../anonymousId.ts';
import { createDraftThread } from '../createDraftThread.ts';
import { createThread, type Thread } from '../createThread.ts';
import { createThreadCache } from '../createThreadCache.ts';
import { until } from '../until.ts';
import type { ConversationList } from './createConversationList.ts';
import type { StoreState } from './createStoreState.ts';
import type { Unread } from './createUnread.ts';
import type { Watching } from './createWatching.ts';

/** Which thread the panel shows, and the one loaded ahead while it is closed. */
export interface Opening {
  /** The thread loaded while closed for the conversation opening will show, if any (see `prefetch`). */
  prefetched(): Thread | null;
  /** Shows the conversation's thread (the prefetched one when it is that conversation), keyed `viewKey` in the view. */
  show(conversationId: string, viewKey?: string): void;
  /** An integrator who pinned a thread (`external-ref`, e.g. an order) means it: open goes straight into it. */
  openPinned(): void;
  /** What opening shows with no conversation remembered: the pinned one, else, for a first visit, a draft. */
  openFirst(): void;
  /** A thread whose conversation the first send creates (no empty conversation for who only looked). */
  draft(): void;
  /**
   * While the session cannot start (the service down): the remembered thread with what it held, else a first
   * visit's draft, whose messages wait as pending for the start. Nothing when a thread is already on screen.
   */
  openWhileDown(): void;
  /** A fresh ref per new conversation makes "New conversation" new; an integrator's external-ref pins one. */
  freshRef(): string;
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
  /** Keeps what the open thread holds for when it is opened again without a connection (the page is hidden). */
  keep(): void;
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
  const cache = createThreadCache(storage, userId.value);
  const keep = (t: Thread | null) => t && cache.put(t.conversationId, t.held.peek());

  const makeThread = (conversationId: string, viewKey?: string): Thread =>
    createThread({
      conversationId,
      ...(viewKey === undefined ? {} : { viewKey }),
      api,
      outbox,
      userId: userId.value,
      userName: settings.userName,
      learn: state.names.learnMessages,
      onIncoming: parts.onIncoming,
      onError: (e) => fail(e),
      initial: cache.get(conversationId),
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
    show(conversationId, viewKey) {
      const current = thread.value;
      if (current?.conversationId === conversationId) return;
      keep(current);
      current?.dispose();
      const previous = current?.conversationId;
      const next = prefetched?.conversationId === conversationId && viewKey === undefined ? prefetched : makeThread(conversationId, viewKey);
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
      void resolvePinned().then((id) => {
        if (!state.disposed && thread.value === null) opening.show(id);
      }, fail);
    },
    openFirst() {
      if (settings.externalRef !== null) opening.openPinned();
      else if (thread.value === null && state.conversations.value.length === 0) opening.draft();
    },
    draft() {
      // Its retries reuse one ref, so a lost answer never makes two conversations.
      const ref = opening.freshRef();
      thread.peek()?.dispose();
      thread.value = createDraftThread({
        userId: userId.value,
        start: async (viewKey, handOver) => {
          // Written while the session could not start (the service down): held as pending until it has.
          await until(state.status, (s) => s !== 'starting');
          if (state.status.peek() !== 'ready') throw new Error('the chat could not start');
          const conversation = await list.getOrCreate(ref);
          if (state.disposed) throw new Error('disposed');
          opening.show(conversation.id, viewKey);
          handOver(thread.peek() as Thread);
        },
      });
    },
    openWhileDown() {
      if (thread.peek() !== null) return;
      const id = openId.peek();
      if (id !== null) opening.show(id);
      else if (settings.externalRef === null) opening.draft();
    },
    freshRef: () => settings.externalRef ?? `${settings.conversationKind}:${userId.value}:${randomId().slice(0, 8)}`,
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
      keep(t);
      t?.dispose();
      batch(() => {
        thread.value = null;
        openId.value = null;
      });
      saveUi();
      if (t !== null) watching.release(t.conversationId);
      void list.refresh().catch(() => {});
    },
    keep: () => keep(thread.peek()),
    dispose() {
      keep(thread.peek());
      thread.value?.dispose();
    },
  };
  return opening;
}
