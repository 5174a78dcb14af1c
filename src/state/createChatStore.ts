import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ChannelStatus, Conversation, LiveEvent, LiveSubscription, Message, RealtimeConnector, TinyChatApi, TinyChatConfig } from '../transport/types.ts';
import type { AgentFeature } from './agent/AgentView.ts';
import type { AgentHost } from './agent/createAgent.ts';
import { anonymousId, randomId } from './anonymousId.ts';
import { createOutbox } from './createOutbox.ts';
import { createStorage, type WidgetStorage } from './createStorage.ts';
import { createRetryLoop, type RetryLoop, type TryOutcome } from './createRetryLoop.ts';
import { createThread, type Thread } from './createThread.ts';
import { createThreadCache } from './createThreadCache.ts';
import { isTransient, sentenceOf } from './failure.ts';
import { loadSession } from './loadSession.ts';
import { tooLong } from './messageLimit.ts';
import { timeKey } from './messageOrder.ts';
import { tapAnswers } from './tapAnswers.ts';
import type { ChatStore, Connection, ConversationSummary, ScreenName, Sentence } from './types.ts';
import { say } from '../view/i18n/sentence.ts';
import type { WidgetSettings } from './WidgetSettings.ts';

/** What the element tells the page (`tinychat:*` DOM events). */
export type ChatEventName = 'ready' | 'open' | 'close' | 'message' | 'unread' | 'error';

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

/** Options of the agent (issue 5): {@link ChatStoreOptions.loadAgent} and the like. */
export interface AgentOptions {
  /**
   * Loads the agent chunk (`import()`), called only when `settings.botId` is set, so a page without a bot never
   * loads agent code (issue 5). Without it the bot settings are ignored.
   */
  loadAgent?(): Promise<{ createAgentFeature(host: AgentHost): AgentFeature }>;
  /** Passed to the agent (tests: a fetch of their own). */
  agentFetch?: typeof fetch;
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

/** Conversations whose channels stay joined while the panel is closed, for the badge and the list. */
const maxWatched = 20;

/** Resolves once `source` holds a value `done` accepts (at once if it already does). */
function until<T>(source: ReadonlySignal<T>, done: (value: T) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = source.subscribe((value) => {
      if (!done(value)) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

function idle(run: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric !== undefined) ric(run, { timeout: 1500 });
  else setTimeout(run, 50);
}

/**
 * The widget's state: session, conversation list with unread counts, the open thread, the outbox and the
 * connection, all as signals; one subscription per watched conversation, each with its own cleanup.
 */
export function createChatStore(options: ChatStoreOptions & AgentOptions): FullChatStore {
  const { settings } = options;
  // Any answer from the service ends every wait for it: the outbox's backoff, a failed start, a connection alert.
  const api = tapAnswers(options.api, () => onAnswer());
  const emit = options.emit ?? (() => {});
  const storage = options.storage ?? createStorage(settings.storageKey);
  const session = options.sessionStorage ?? createStorage(`${settings.storageKey}:${settings.baseUrl}`, 'sessionStorage');

  const userId = signal(settings.userId ?? anonymousId(storage));
  const ui = storage.get<{ open?: boolean; conversationId?: string | null }>(`ui:${userId.value}`) ?? {};
  const status = signal<'starting' | 'ready' | 'error'>('starting');
  const error = signal<Sentence | null>(null);
  // A connection's fault (offline, unreachable, 5xx): the alert goes by itself once the service answers again.
  let errorPasses = false;
  const startFailure = signal<Sentence | null>(null);
  let starter: RetryLoop | null = null;
  const fatal = signal(false);
  const socket = signal<Connection>('connecting');
  const online = signal(globalThis.navigator?.onLine ?? true);
  // Inline and fullscreen panels are always on screen: they are "open" for reading and unread counts.
  const alwaysOpen = settings.mode !== 'bubble';
  const isOpen = signal(alwaysOpen || (ui.open ?? settings.open));
  const openId = signal<string | null>(ui.conversationId ?? null);
  const conversations = signal<readonly Conversation[]>([]);
  const lastMessages = signal<ReadonlyMap<string, { text: string | null; at: string | null }>>(new Map());
  const unread = signal<ReadonlyMap<string, number>>(new Map());
  const thread = signal<Thread | null>(null);
  const names = new Map<string, string>();
  if (settings.userName !== null) names.set(userId.value, settings.userName);
  const lastRead = new Map(Object.entries(storage.get<Record<string, string>>(`read:${userId.value}`) ?? {}));
  let config: TinyChatConfig | null = null;
  let realtime: RealtimeConnector | null = null;
  const agent = signal<AgentFeature | null>(null);
  // Started at once, in parallel with the session: the chunk is there by the time the thread shows.
  const agentModule = settings.botId !== null ? options.loadAgent?.() : undefined;
  agentModule?.catch(() => {});
  const subscriptions = new Map<string, { sub: LiveSubscription; status: ChannelStatus | null; everJoined: boolean }>();
  const channelState = signal(0);
  let disposed = false;
  const cache = createThreadCache(storage, userId.value);
  const keep = (t: Thread | null | undefined) => t && cache.put(t.conversationId, t.held.peek());

  const saveUi = () => storage.set(`ui:${userId.value}`, { open: isOpen.value, conversationId: openId.value });
  const saveRead = () => storage.set(`read:${userId.value}`, Object.fromEntries(lastRead));

  const outbox = createOutbox({
    api,
    storage,
    onSent(_entry, message) {
      thread.value?.merge([message]);
      noteMessage(message);
      emit('message', { message, mine: message.sender_id === userId.value });
      // The visitor's message is in the conversation: now the agent may answer it.
      agent.peek()?.controller.onSent(message);
    },
  });

  const screen = computed<ScreenName>(() => (thread.value === null ? 'list' : 'thread'));
  const connection = computed<Connection>(() => {
    channelState.value;
    if (!online.value) return 'offline';
    return socket.value;
  });

  const summaries = computed<readonly ConversationSummary[]>(() =>
    conversations.value.map((conversation) => {
      const last = lastMessages.value.get(conversation.id);
      return {
        conversation,
        kind: conversation.kind,
        lastMessage: last?.text ?? conversation.last_message ?? null,
        lastAt: last?.at ?? conversation.last_at,
        unread: unread.value.get(conversation.id) ?? 0,
      };
    }),
  );
  const unreadTotal = computed(() => {
    let total = 0;
    for (const n of unread.value.values()) total += n;
    return total;
  });
  unreadTotal.subscribe((n) => emit('unread', { count: n }));

  const reading = (conversationId: string) =>
    isOpen.value && thread.value?.conversationId === conversationId && (globalThis.document?.visibilityState ?? 'visible') === 'visible';

  const setUnread = (conversationId: string, n: number) => {
    if ((unread.value.get(conversationId) ?? 0) === n) return;
    const next = new Map(unread.value);
    if (n === 0) next.delete(conversationId);
    else next.set(conversationId, n);
    unread.value = next;
  };

  const markRead = (conversationId: string) => {
    const held = thread.value?.conversationId === conversationId ? thread.value.items.peek() : [];
    // From the end: pending rows trail the sent ones, so this stops within a few rows however long the thread.
    const newest = held.findLast((i) => i.status === 'sent')?.message.created_at;
    if (newest !== undefined) {
      lastRead.set(conversationId, newest);
      saveRead();
    }
    setUnread(conversationId, 0);
  };

  /** Moves a conversation to the top of the list with its newest text. */
  function noteMessage(message: Message): void {
    const id = message.conversation_id;
    const held = lastMessages.value.get(id);
    if (held?.at != null && timeKey(held.at) > timeKey(message.created_at)) return;
    const next = new Map(lastMessages.value);
    // An image's preview is its caption, else the server's own marker '[image]' (the view says it in the reader's language).
    const image = message.message_type === 'image';
    next.set(id, { text: message.deleted_at !== null ? null : image ? message.body || '[image]' : message.body, at: message.created_at });
    batch(() => {
      lastMessages.value = next;
      const list = conversations.value;
      const index = list.findIndex((c) => c.id === id);
      if (index > 0) {
        const item = list[index];
        if (item !== undefined) conversations.value = [item, ...list.slice(0, index), ...list.slice(index + 1)];
      }
    });
  }

  function incoming(message: Message): void {
    agent.peek()?.controller.onIncoming(message);
    noteMessage(message);
    emit('message', { message, mine: false });
    if (reading(message.conversation_id)) markRead(message.conversation_id);
    else if (timeKey(message.created_at) > timeKey(lastRead.get(message.conversation_id) ?? '')) {
      setUnread(message.conversation_id, (unread.value.get(message.conversation_id) ?? 0) + 1);
    }
  }

  /** Shows what went wrong (`sentence`, by default the one for `e`) and tells the page (`tinychat:error`). */
  function fail(e: unknown, isFatal = false, sentence = sentenceOf(e)): void {
    const passes = !isFatal && isTransient(e);
    // Offline, the banner already says so, and what waits goes out once back.
    if (passes && !online.peek()) return;
    errorPasses = passes;
    batch(() => {
      error.value = sentence;
      if (isFatal) {
        fatal.value = true;
        status.value = 'error';
      }
    });
    // The element says it in the widget's language (`tinychat:error` detail `{ message, code, fatal }`).
    emit('error', { sentence, fatal: isFatal });
  }

  // --- realtime ---------------------------------------------------------------------------------------
  const recomputeSocket = () => {
    const states = [...subscriptions.values()];
    if (states.length === 0) socket.value = 'online';
    else if (states.some((s) => s.everJoined && s.status !== 'SUBSCRIBED')) socket.value = 'reconnecting';
    else if (states.every((s) => s.status === 'SUBSCRIBED')) socket.value = 'online';
    else socket.value = states.some((s) => s.everJoined) ? 'reconnecting' : 'connecting';
    channelState.value += 1;
  };

  const onEvent = (conversationId: string, event: LiveEvent) => {
    if (event.type === 'typing' && typeof event.senderName === 'string') names.set(event.senderId, event.senderName);
    const open = thread.value;
    if (open?.conversationId === conversationId) {
      // The thread announces fresh messages through onIncoming; others only touch the list.
      open.receive(event);
      return;
    }
    if (prefetched?.conversationId === conversationId) prefetched.receive(event);
    if (event.type === 'message') {
      noteMessage(event.message);
      if (event.message.sender_id !== userId.value && event.message.edited_at === null && event.message.deleted_at === null) incoming(event.message);
    }
  };

  function watch(conversationId: string): void {
    if (realtime === null || subscriptions.has(conversationId) || disposed) return;
    const state = { sub: { close() {} } as LiveSubscription, status: null as ChannelStatus | null, everJoined: false };
    subscriptions.set(conversationId, state);
    state.sub = realtime.subscribe(conversationId, {
      onEvent: (event) => onEvent(conversationId, event),
      onStatus(next) {
        const rejoined = next === 'SUBSCRIBED';
        state.status = next;
        if (rejoined) state.everJoined = true;
        recomputeSocket();
        if (!rejoined) return;
        // Joined or rejoined: whatever was sent while the channel was down comes from history: the open thread's
        // messages, and for the others their place in the list and their unread counts (one list fetch for all
        // the channels that join together).
        if (thread.value?.conversationId === conversationId) void thread.value.backfill();
        outbox.drain();
        clearTimeout(joinedTimer);
        joinedTimer = setTimeout(() => void refreshAndWatch(), 250);
      },
    });
    recomputeSocket();
  }

  function unwatch(conversationId: string): void {
    subscriptions.get(conversationId)?.sub.close();
    subscriptions.delete(conversationId);
    recomputeSocket();
  }

  const watchAll = () => {
    for (const c of conversations.value.slice(0, maxWatched)) watch(c.id);
    if (openId.value !== null) watch(openId.value);
  };

  // --- threads ----------------------------------------------------------------------------------------
  /** A thread loaded while the panel was closed, for the conversation opening will show (see `prefetch`). */
  let prefetched: Thread | null = null;

  function makeThread(conversationId: string): Thread {
    return createThread({
      conversationId,
      api,
      outbox,
      userId: userId.value,
      userName: settings.userName,
      onIncoming: incoming,
      onError: (e) => fail(e),
      initial: cache.get(conversationId),
    });
  }

  function showThread(conversationId: string): void {
    const current = thread.value;
    if (current?.conversationId === conversationId) return;
    keep(current);
    current?.dispose();
    const previous = current?.conversationId;
    const next = prefetched?.conversationId === conversationId ? prefetched : makeThread(conversationId);
    if (prefetched !== next) prefetched?.dispose();
    prefetched = null;
    // While the agent's 429 wait runs the composer holds the draft (issue 5, item 6).
    next.canSend = () => agent.peek()?.controller.canSend(conversationId) ?? true;
    batch(() => {
      thread.value = next;
      openId.value = conversationId;
    });
    saveUi();
    if (previous !== undefined && !conversations.value.slice(0, maxWatched).some((c) => c.id === previous)) unwatch(previous);
    watch(conversationId);
    if (isOpen.value) markRead(conversationId);
    // Reading position: everything loaded on open counts as read once it is shown.
    void waitReady(next).then(() => {
      if (reading(conversationId)) markRead(conversationId);
    });
  }

  const waitReady = (t: Thread) => until(t.ready, (r) => r);

  async function countUnread(which: (c: Conversation) => boolean = () => true): Promise<void> {
    // The seed has no unread count: count others' messages newer than what this browser last read.
    const candidates = conversations.value
      .filter((c) => c.last_at !== null && which(c))
      .filter((c) => {
        const read = lastRead.get(c.id);
        if (read === undefined) {
          // First sight on this browser: what is there now counts as read, only what comes later is new.
          lastRead.set(c.id, c.last_at ?? '');
          return false;
        }
        return timeKey(c.last_at ?? '') > timeKey(read);
      })
      .slice(0, 10);
    saveRead();
    await Promise.all(
      candidates.map(async (c) => {
        try {
          const page = await api.history(c.id, { limit: 50 });
          const read = timeKey(lastRead.get(c.id) ?? '');
          const n = page.filter((m) => m.sender_id !== userId.value && timeKey(m.created_at) > read).length;
          if (!reading(c.id)) setUnread(c.id, n);
        } catch {
          // A badge is not worth an error sentence.
        }
      }),
    );
  }

  async function refreshList(): Promise<void> {
    const list = await api.listConversations(userId.value);
    if (disposed) return;
    conversations.value = list;
  }

  // --- the list kept current (issue 7, part 1: the inbox) ----------------------------------------------
  // Realtime covers the conversations already known (their channels are watched); one started by someone else
  // after the list loaded reaches us only through the list endpoint. So: fetch it again every `listRefreshMs`
  // while someone can see it (panel open, page visible), and at once when the page comes back into view.
  let lastRefresh = 0;
  let joinedTimer: ReturnType<typeof setTimeout> | undefined;
  async function refreshAndWatch(): Promise<void> {
    if (disposed || status.value !== 'ready') return;
    lastRefresh = Date.now();
    const before = new Map(conversations.value.map((c) => [c.id, c.last_at]));
    try {
      await refreshList();
    } catch {
      return; // The next round tries again; a list that could not be refreshed is not worth an error sentence.
    }
    // New since the list loaded: every message from others in it is unread (not "first sight counts as read").
    for (const c of conversations.value) if (!before.has(c.id) && !lastRead.has(c.id)) lastRead.set(c.id, '');
    if (realtime !== null) watchAll();
    // Counted again from history: conversations new to the list or with messages since the last list (a channel
    // misses what is sent before it joins or while it is down). The count replaces the old one, so a message
    // also counted live is not counted twice.
    void countUnread((c) => !before.has(c.id) || before.get(c.id) !== c.last_at);
  }
  const refreshMs = options.listRefreshMs ?? 15_000;
  const visible = () => (globalThis.document?.visibilityState ?? 'visible') === 'visible';
  const refreshTimer =
    refreshMs > 0
      ? setInterval(() => {
          if (isOpen.value && visible() && Date.now() - lastRefresh >= refreshMs / 2) void refreshAndWatch();
        }, refreshMs)
      : undefined;
  (refreshTimer as { unref?: () => void } | undefined)?.unref?.();
  const onFocus = () => {
    if (starter !== null && !starter.finished) starter.poke();
    // Coming back to the tab: refresh at once, unless it was just done.
    if (refreshMs > 0 && isOpen.value && visible() && Date.now() - lastRefresh > 2000) void refreshAndWatch();
  };

  /** An integrator who pinned a thread (`external-ref`, e.g. an order) means it: open goes straight into it. */
  function openPinned(): void {
    if (settings.externalRef === null || thread.value !== null) return;
    if (prefetched !== null) {
      showThread(prefetched.conversationId);
      return;
    }
    void resolvePinned().then(
      (id) => {
        if (!disposed && thread.value === null) showThread(id);
      },
      (e: unknown) => fail(e),
    );
  }

  // --- start ------------------------------------------------------------------------------------------
  function start(): void {
    try {
      options.checkKey(settings.apiKey);
    } catch (e) {
      fail(e, true);
      return;
    }
    starter = createRetryLoop({ attempt: tryStart });
  }

  /** One try at starting; a failure that may pass is said on the panel (with "Try again") and tried again. */
  async function tryStart(): Promise<TryOutcome> {
    try {
      const s = await loadSession(api, session, {
        userId: userId.value,
        userName: settings.userName,
        userEmail: settings.userEmail,
        userRole: settings.userRole,
      });
      config = s.config;
      await refreshList();
    } catch (e) {
      if (disposed) return 'stop';
      if (!isTransient(e)) {
        fail(e, true);
        return 'stop';
      }
      const sentence = sentenceOf(e);
      if (startFailure.peek()?.key !== sentence.key) emit('error', { sentence, fatal: false });
      batch(() => {
        startFailure.value = sentence;
        // A returning visitor keeps their thread (what was loaded before, and a composer into the outbox).
        if (isOpen.peek() && openId.peek() !== null && thread.peek() === null) showThread(openId.peek()!);
      });
      return 'again';
    }
    if (disposed) return 'stop';
    startFailure.value = null;
    if (agentModule !== undefined) startAgent(agentModule);
    batch(() => {
      status.value = 'ready';
      if (openId.value !== null && isOpen.value) showThread(openId.value);
      else if (isOpen.value) openPinned();
    });
    emit('ready', { userId: userId.value });
    void countUnread();
    outbox.drain();
    thread.peek()?.reload();
    (options.whenIdle ?? idle)(() => {
      if (disposed || config === null) return;
      realtime = options.connectRealtime(config);
      watchAll();
      void prefetch();
    });
    return 'done';
  }

  function onAnswer(): void {
    if (disposed) return;
    if (outbox.waiting.peek()) outbox.drain();
    if (errorPasses && error.peek() !== null) error.value = null;
    if (starter !== null && !starter.finished) starter.poke();
    thread.peek()?.reload();
  }

  /**
   * While the panel is closed and the page idle, loads what opening will show (the remembered conversation, or
   * the pinned one, resolved once), so a click opens a thread that is already there instead of waiting for
   * get-or-create and the first history page (two round trips and their CORS preflights on another origin).
   */
  async function prefetch(): Promise<void> {
    if (thread.value !== null || prefetched !== null || disposed) return;
    let id = openId.value;
    if (id === null && settings.externalRef !== null) {
      id = await resolvePinned().catch(() => null);
      if (id === null || disposed || thread.value !== null || prefetched !== null) return;
    }
    if (id === null) return;
    prefetched = makeThread(id);
    watch(id);
  }

  const pinnedKey = () => `pinned:${userId.value}:${settings.conversationKind}:${settings.externalRef ?? ''}`;

  /** The pinned conversation's id: remembered from before, else get-or-create (once; a retry reuses its ref). */
  async function resolvePinned(): Promise<string> {
    const known = storage.get<string>(pinnedKey());
    if (typeof known === 'string' && known !== '') return known;
    const conversation = await getOrCreate(settings.externalRef ?? '');
    storage.set(pinnedKey(), conversation.id);
    return conversation.id;
  }

  /** Get-or-create on `ref` with the visitor and the configured participants; the list learns of it at once. */
  async function getOrCreate(ref: string): Promise<Conversation> {
    const me = userId.value;
    const conversation = await api.getOrCreateConversation({
      kind: settings.conversationKind,
      external_ref: ref,
      participants: [me, ...settings.participants.filter((p) => p !== me)],
    });
    if (!disposed && !conversations.value.some((c) => c.id === conversation.id)) conversations.value = [conversation, ...conversations.value];
    return conversation;
  }

  function startAgent(module: NonNullable<typeof agentModule>): void {
    const botId = settings.botId;
    if (botId === null) return;
    // The session's cached config may be hours old: the agent's health is asked again on each page load.
    const fresh = api.getConfig().then(
      (c) => c,
      () => config,
    );
    Promise.all([module, fresh]).then(
      ([{ createAgentFeature }, current]) => {
        if (disposed) return;
        agent.value = createAgentFeature({
          botId,
          // Without `agent-url` the agent is asked at the widget's own API origin (the local server serves both).
          agentUrl: settings.agentUrl ?? settings.baseUrl,
          userId: userId.value,
          healthy: current?.agent?.healthy !== false,
          items: (id) => {
            const open = thread.peek();
            return open?.conversationId === id ? open.items.peek() : null;
          },
          post: (id, senderId, body) => void outbox.add(id, { sender_id: senderId, body, message_type: 'text' }),
          storage,
          fetch: options.agentFetch,
        });
      },
      (e: unknown) => fail(e, false, { key: 'errorAgentNotLoaded' }),
    );
  }

  const onOnline = () => {
    online.value = true;
    if (errorPasses) error.value = null;
    starter?.poke();
    outbox.drain();
    const t = thread.value;
    if (t !== null) void t.backfill();
  };
  const onOffline = () => {
    online.value = false;
  };
  const onVisible = () => {
    const t = thread.value;
    if (t !== null && reading(t.conversationId)) markRead(t.conversationId);
    onFocus();
  };
  globalThis.addEventListener?.('focus', onFocus);
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  // What the open thread holds survives a reload that finds the service down (the newest page, in storage).
  const onPageHide = () => keep(thread.peek());
  globalThis.addEventListener?.('pagehide', onPageHide);

  const store: FullChatStore = {
    status,
    error,
    connection,
    isOpen,
    screen,
    conversations: summaries,
    unreadTotal,
    startFailure,
    retryStart: () => starter?.poke(),
    thread,
    userId,
    agent,
    config: () => config,
    prefetched: () => prefetched,
    displayName(id) {
      if (id === userId.value) return settings.userName ?? 'You';
      return names.get(id) ?? (id === 'support' ? 'Support' : id);
    },
    open() {
      if (isOpen.value) return;
      isOpen.value = true;
      saveUi();
      emit('open', {});
      if (status.value === 'starting') starter?.poke();
      if (status.value === 'ready' && openId.value !== null) showThread(openId.value);
      else if (status.value === 'ready') openPinned();
      const t = thread.value;
      if (t !== null) markRead(t.conversationId);
    },
    close() {
      if (!isOpen.value || alwaysOpen) return;
      isOpen.value = false;
      saveUi();
      emit('close', {});
    },
    toggle() {
      if (isOpen.value) store.close();
      else store.open();
    },
    openConversation(id) {
      showThread(id);
    },
    async startConversation() {
      // A fresh ref per click makes "New conversation" new; an integrator's external-ref pins one thread.
      const ref = settings.externalRef ?? `${settings.conversationKind}:${userId.value}:${randomId().slice(0, 8)}`;
      try {
        const conversation = await getOrCreate(ref);
        if (disposed) return;
        showThread(conversation.id);
      } catch (e) {
        fail(e);
      }
    },
    backToList() {
      const t = thread.value;
      keep(t);
      t?.dispose();
      batch(() => {
        thread.value = null;
        openId.value = null;
      });
      saveUi();
      if (t !== undefined && t !== null && !conversations.value.slice(0, maxWatched).some((c) => c.id === t.conversationId)) unwatch(t.conversationId);
      void refreshList().catch(() => {});
    },
    dismissError() {
      if (!fatal.value) error.value = null;
    },
    async sendText(text) {
      // The box would refuse it with this sentence; so does the element API, before anything leaves.
      if (tooLong(text)) throw new Error(say({ key: 'messageTooLong' }));
      // send() right after mount() or identify() waits for the start instead of failing.
      await until(status, (s) => s !== 'starting');
      // For the program that called send(): English, like every thrown error's message.
      if (status.value !== 'ready') throw new Error(error.value === null ? 'The chat could not start.' : say(error.value));
      if (thread.value === null) {
        const latest = conversations.value.find((c) => c.kind === settings.conversationKind);
        if (latest !== undefined) showThread(latest.id);
        else await store.startConversation();
      }
      thread.value?.send(text);
    },
    dispose() {
      disposed = true;
      keep(thread.peek());
      agent.peek()?.controller.dispose();
      thread.value?.dispose();
      outbox.dispose();
      realtime?.dispose();
      subscriptions.clear();
      clearInterval(refreshTimer);
      clearTimeout(joinedTimer);
      globalThis.removeEventListener?.('focus', onFocus);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
      globalThis.removeEventListener?.('pagehide', onPageHide);
      starter?.dispose();
    },
  };
  void start();
  return store;
}
