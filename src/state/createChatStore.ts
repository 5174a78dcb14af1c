import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { RealtimeConnector, TinyChatApi, TinyChatConfig } from '../transport/types.ts';
import type { AgentFeature } from './agent/AgentView.ts';
import { messageText } from './agent/messageText.ts';
import { createOutbox } from './createOutbox.ts';
import { createStorage, type WidgetStorage } from './createStorage.ts';
import type { Thread } from './createThread.ts';
import { createConversationList } from './store/createConversationList.ts';
import { createListRefresh } from './store/createListRefresh.ts';
import { createOpening } from './store/createOpening.ts';
import { createServerReads } from './store/createServerReads.ts';
import { createStoreState, type ChatEventName } from './store/createStoreState.ts';
import { createUnread } from './store/createUnread.ts';
import { createWatching } from './store/createWatching.ts';
import { listenToWindow } from './store/listenToWindow.ts';
import { loadAgentFeature, type AgentOptions } from './store/loadAgentFeature.ts';
import { startSession } from './store/startSession.ts';
import { tapAnswers } from './tapAnswers.ts';
import { tooLong } from './messageLimit.ts';
import type { ChatStore, ScreenName, Sentence } from './types.ts';
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
  /** Told the config before any other call (the user token is sent only where the config advertises it). */
  onConfig?(config: TinyChatConfig): void;
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
  // Any answer from the service ends every wait for it: the outbox's backoff, a failed start, a connection alert.
  const api = tapAnswers(options.api, () => onAnswer());
  const state = createStoreState(settings, api, storage, options.emit ?? (() => {}));
  const startFailure = signal<Sentence | null>(null);
  const { userId, thread, isOpen, status, agent } = state;

  const unread = createUnread(state);
  unread.total.subscribe((n) => state.emit('unread', { count: n }));
  // Server read state (default mode): its hooks reach the parts made after it.
  const reads = createServerReads(state, unread, { refresh: () => refresh.afterJoin(), joined: (id) => watching.joined(id) });
  const list = createConversationList(state, unread.counts, reads.fetched);
  const outbox = createOutbox({
    api,
    storage,
    // startSession picks how to send once /v1/config says what the server has.
    held: true,
    newestKnown: (id) =>
      [thread.peek(), opening.prefetched()]
        .find((t) => t?.conversationId === id)
        ?.items.peek()
        .findLast((i) => i.status === 'sent')?.message.created_at ?? null,
    onSent(_entry, message) {
      thread.value?.merge([message]);
      list.noteMessage(message);
      messageText(message, (text) => state.emit('message', { message, mine: message.sender_id === userId.value, text }));
      // The visitor's message is in the conversation: now the agent may answer it.
      agent.peek()?.controller.onSent(message);
    },
  });
  const startAgent = loadAgentFeature(state, outbox, options);

  /** A message from someone else that was not known before (live, backfilled, or in a watched channel). */
  const incoming = (message: Parameters<typeof unread.noteIncoming>[0]) => {
    agent.peek()?.controller.onIncoming(message);
    list.noteMessage(message);
    messageText(message, (text) => state.emit('message', { message, mine: false, text }));
    unread.noteIncoming(message);
  };

  // The channels' hooks reach the parts made after them (opening, refresh): both need `watching` first.
  const watching = createWatching(state, {
    onEvent(conversationId, event) {
      if (event.type === 'typing' && typeof event.senderName === 'string') state.names.set(event.senderId, event.senderName);
      else if (event.type === 'message') state.names.learnMessages([event.message]);
      if (event.type === 'read') return reads.receive(conversationId, event.payload);
      if (event.type === 'conversation') return;
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

  function onAnswer(): void {
    if (state.disposed) return;
    if (outbox.waiting.peek()) outbox.drain();
    state.clearPassingError();
    if (starter !== null && !starter.finished) starter.poke();
    thread.peek()?.reload();
  }

  const stopListening = listenToWindow({
    onFocus() {
      if (starter !== null && !starter.finished) starter.poke();
      refresh.onFocus();
    },
    onPageHide: opening.keep,
    onOnline() {
      watching.setOnline(true);
      state.clearPassingError();
      starter?.poke();
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
    startFailure,
    retryStart: () => starter?.poke(),
    thread,
    userId,
    role: settings.userRole,
    seenAt: reads.seenAt,
    tenantName: state.tenantName,
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
      if (status.value === 'starting') {
        starter?.poke();
        if (startFailure.value !== null) opening.openWhileDown();
      }
      if (status.value === 'ready' && state.openId.value !== null) opening.show(state.openId.value);
      else if (status.value === 'ready') opening.openFirst();
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
    newConversation() {
      if (settings.externalRef !== null) void store.startConversation();
      else opening.draft();
    },
    async startConversation() {
      try {
        const conversation = await list.getOrCreate(opening.freshRef());
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
      // The box would refuse it with this sentence; so does the element API, before anything leaves.
      if (tooLong(text)) throw new Error(say({ key: 'messageTooLong' }));
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
      starter?.dispose();
    },
  };

  const starter = startSession(
    state,
    { list, unread, opening, watching, outbox, reads, startAgent, startFailure },
    {
      checkKey: options.checkKey,
      session: options.sessionStorage ?? createStorage(`${settings.storageKey}:${settings.baseUrl}`, 'sessionStorage'),
      whenIdle: options.whenIdle ?? idle,
      connectRealtime: options.connectRealtime,
      onConfig: options.onConfig,
    },
  );
  return store;
}
