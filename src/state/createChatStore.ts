import { computed, type ReadonlySignal } from '@preact/signals';
import type { RealtimeConnector, TinyChatApi, TinyChatConfig } from '../transport/types.ts';
import type { AgentFeature } from './agent/AgentView.ts';
import { randomId } from './anonymousId.ts';
import { createOutbox } from './createOutbox.ts';
import { createStorage, type WidgetStorage } from './createStorage.ts';
import type { Thread } from './createThread.ts';
import { createConversationList } from './store/createConversationList.ts';
import { createListRefresh } from './store/createListRefresh.ts';
import { createOpening } from './store/createOpening.ts';
import { createStoreState, type ChatEventName } from './store/createStoreState.ts';
import { createUnread } from './store/createUnread.ts';
import { createWatching } from './store/createWatching.ts';
import { listenToWindow } from './store/listenToWindow.ts';
import { loadAgentFeature, type AgentOptions } from './store/loadAgentFeature.ts';
import { startSession } from './store/startSession.ts';
import type { ChatStore, ScreenName } from './types.ts';
import { until } from './until.ts';
import { say } from '../i18n/sentence.ts';
import type { WidgetSettings } from './WidgetSettings.ts';

export type { AgentOptions, ChatEventName };

export interface ChatStoreOptions {
  settings: WidgetSettings;
  api: TinyChatApi;
  /** Makes the realtime connector once config is known; it loads its client lazily. */
  connectRealtime(config: TinyChatConfig): RealtimeConnector;
  /** Refuses keys the browser must never hold (throws with the sentence to show). */
  checkKey(apiKey: string): void;
  /** What to tell the page; the `error` event's detail is `{ sentence: Sentence, fatal: boolean }`. */
  emit?(name: ChatEventName, detail: unknown): void;
  /** Defaults to localStorage / sessionStorage under the settings' storage key. */
  storage?: WidgetStorage;
  sessionStorage?: WidgetStorage;
  /** When to connect realtime: after the launcher is on screen. Default: the next idle moment. */
  whenIdle?(run: () => void): void;
  /**
   * How often the conversation list is fetched again while the panel is open and the page visible, so that a
   * conversation someone else started (the support inbox's next visitor) shows up; also on focus. 0: never.
   * @defaultValue 15000
   */
  listRefreshMs?: number;
}

export interface FullChatStore extends ChatStore {
  /** The open thread with its merge and backfill actions (views see only {@link ThreadModel}). */
  readonly thread: ReadonlySignal<Thread | null>;
  /** Sends `text` in the open conversation, opening (or creating) one first. */
  sendText(text: string): Promise<void>;
  readonly config: () => TinyChatConfig | null;
  /** The agent once its chunk loaded (a bot is configured), with its controller. */
  readonly agent: ReadonlySignal<AgentFeature | null>;
  /** The thread loaded while closed for the conversation opening will show, if any (see `prefetch`). */
  readonly prefetched: () => Thread | null;
  dispose(): void;
}

function idle(run: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric !== undefined) ric(run, { timeout: 1500 });
  else setTimeout(run, 50);
}

/**
 * The widget's state: session, conversation list with unread counts, the open thread, the outbox and the
 * connection, all as signals. Each part is its own factory (see `store/`); this wires them together.
 */
export function createChatStore(options: ChatStoreOptions & AgentOptions): FullChatStore {
  const { settings } = options;
  const storage = options.storage ?? createStorage(settings.storageKey);
  const state = createStoreState(settings, options.api, storage, options.emit ?? (() => {}));
  const { userId, thread, isOpen, status, agent } = state;

  const unread = createUnread(state);
  unread.total.subscribe((n) => state.emit('unread', { count: n }));
  const list = createConversationList(state, unread.counts);
  const outbox = createOutbox({
    api: options.api,
    storage,
    onSent(_entry, message) {
      thread.value?.merge([message]);
      list.noteMessage(message);
      state.emit('message', { message, mine: message.sender_id === userId.value });
      // The visitor's message is in the conversation: now the agent may answer it.
      agent.peek()?.controller.onSent(message);
    },
  });
  const startAgent = loadAgentFeature(state, outbox, options);

  /** A message from someone else that was not known before (live, backfilled, or in a watched channel). */
  const incoming = (message: Parameters<typeof unread.noteIncoming>[0]) => {
    agent.peek()?.controller.onIncoming(message);
    list.noteMessage(message);
    state.emit('message', { message, mine: false });
    unread.noteIncoming(message);
  };

  // The channels' hooks reach the parts made after them (opening, refresh): both need `watching` first.
  const watching = createWatching(state, {
    onEvent(conversationId, event) {
      if (event.type === 'typing' && typeof event.senderName === 'string') state.names.set(event.senderId, event.senderName);
      // The open thread announces fresh messages through onIncoming; others only touch the list.
      if (opening.deliver(conversationId, event) || event.type !== 'message') return;
      const { message } = event;
      list.noteMessage(message);
      if (message.sender_id !== userId.value && message.edited_at === null && message.deleted_at === null) incoming(message);
    },
    onJoined(conversationId) {
      // Joined or rejoined: whatever was sent while the channel was down comes from history: the open thread's
      // messages, and for the others their place in the list and their unread counts.
      if (thread.value?.conversationId === conversationId) void thread.value.backfill();
      outbox.drain();
      refresh.afterJoin();
    },
  });
  const opening = createOpening(state, { outbox, list, unread, watching, onIncoming: incoming });
  const refresh = createListRefresh(state, { list, unread, watching }, options.listRefreshMs ?? 15_000);

  const stopListening = listenToWindow({
    onFocus: refresh.onFocus,
    onOnline() {
      watching.setOnline(true);
      outbox.drain();
      void thread.value?.backfill();
    },
    onOffline: () => watching.setOnline(false),
    onVisible() {
      const t = thread.value;
      if (t !== null && state.reading(t.conversationId)) unread.markRead(t.conversationId);
      refresh.onFocus();
    },
  });

  const store: FullChatStore = {
    status,
    error: state.error,
    connection: watching.connection,
    isOpen,
    screen: computed<ScreenName>(() => (thread.value === null ? 'list' : 'thread')),
    conversations: list.summaries,
    unreadTotal: unread.total,
    thread,
    userId,
    agent,
    config: () => state.config,
    prefetched: opening.prefetched,
    displayName(id) {
      if (id === userId.value) return settings.userName ?? 'You';
      return state.names.get(id) ?? (id === 'support' ? 'Support' : id);
    },
    open() {
      if (isOpen.value) return;
      isOpen.value = true;
      state.saveUi();
      state.emit('open', {});
      if (status.value === 'ready' && state.openId.value !== null) opening.show(state.openId.value);
      else if (status.value === 'ready') opening.openPinned();
      const t = thread.value;
      if (t !== null) unread.markRead(t.conversationId);
    },
    close() {
      if (!isOpen.value || state.alwaysOpen) return;
      isOpen.value = false;
      state.saveUi();
      state.emit('close', {});
    },
    toggle() {
      if (isOpen.value) store.close();
      else store.open();
    },
    openConversation: opening.show,
    async startConversation() {
      // A fresh ref per click makes "New conversation" new; an integrator's external-ref pins one thread.
      const ref = settings.externalRef ?? `${settings.conversationKind}:${userId.value}:${randomId().slice(0, 8)}`;
      try {
        const conversation = await list.getOrCreate(ref);
        if (state.disposed) return;
        opening.show(conversation.id);
      } catch (e) {
        state.fail(e);
      }
    },
    backToList: opening.leave,
    dismissError() {
      if (!state.fatal.value) state.error.value = null;
    },
    async sendText(text) {
      // send() right after mount() or identify() waits for the start instead of failing.
      await until(status, (s) => s !== 'starting');
      // For the program that called send(): English, like every thrown error's message.
      if (status.value !== 'ready') throw new Error(state.error.value === null ? 'The chat could not start.' : say(state.error.value));
      if (thread.value === null) {
        const latest = state.conversations.value.find((c) => c.kind === settings.conversationKind);
        if (latest !== undefined) opening.show(latest.id);
        else await store.startConversation();
      }
      thread.value?.send(text);
    },
    dispose() {
      state.disposed = true;
      agent.peek()?.controller.dispose();
      opening.dispose();
      outbox.dispose();
      watching.dispose();
      refresh.dispose();
      stopListening();
    },
  };

  void startSession(
    state,
    { list, unread, opening, watching, outbox, startAgent },
    {
      checkKey: options.checkKey,
      session: options.sessionStorage ?? createStorage(`${settings.storageKey}:${settings.baseUrl}`, 'sessionStorage'),
      whenIdle: options.whenIdle ?? idle,
      connectRealtime: options.connectRealtime,
    },
  );
  return store;
}
