/**
 * A small, real, in-memory implementation of the `ChatStore`/`ThreadModel` interface the views read: signals and
 * actions that do what the real store does (send shows pending at once, retry, older pages prepended), with no
 * network. Tests drive it through its actions and a few fixture controls (`receive`, `confirm`, `fail`), and read
 * what the views called from plain arrays — no mock framework.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { checkImage } from '../../../../src/state/checkImage.ts';
import type { ChatStore, Connection, ConversationSummary, ScreenName, SendOptions, Sentence, ThreadItem, ThreadModel, UploadItem } from '../../../../src/state/types.ts';
import type { Conversation, ConversationKind, Message } from '../../../../src/transport/types.ts';

export const VISITOR = 'u_visitor';
export const SUPPORT = 'support';

let clock = Date.UTC(2026, 11, 1, 9, 0, 0);
/** A server-shaped time (microseconds, as the local server writes them), one second after the previous one. */
export function nextTime(): string {
  clock += 1000;
  return new Date(clock).toISOString().replace('Z', '123Z');
}

let serial = 0;
/** A server message; every field overridable. */
export function message(fields: Partial<Message> & { conversation_id?: string } = {}): Message {
  serial++;
  return {
    id: `m_${serial}`,
    conversation_id: 'c_1',
    sender_id: SUPPORT,
    body: `Message ${serial}`,
    message_type: 'text',
    media_url: null,
    reply_to: null,
    created_at: nextTime(),
    edited_at: null,
    deleted_at: null,
    ...fields,
  };
}

/** A thread row for a server message (sent), as the store builds it. */
export function sentItem(m: Message, mine = m.sender_id === VISITOR): ThreadItem {
  return { key: m.id, message: m, status: 'sent', mine, error: null };
}

/** What a fixture thread lets a test do and see besides the ThreadModel itself. */
export interface FixtureThread extends ThreadModel {
  readonly sent: string[];
  /** The options of each send (issue 6: `replyTo`), in order. */
  readonly sentWith: (SendOptions | undefined)[];
  readonly retried: string[];
  readonly uploads: ReadonlySignal<readonly UploadItem[]>;
  /** Images that passed the check, with their options. */
  readonly images: { file: Blob; options: SendOptions | undefined }[];
  readonly edits: { id: string; body: string }[];
  readonly removed: string[];
  /** What the next edit or remove resolves to (null: it worked). */
  nextFailure: Sentence | null;
  /** An upload's progress (0..1), its failure (a sentence), or its end (it becomes a pending image message). */
  progressUpload(id: string, fraction: number): void;
  failUpload(id: string, error: Sentence): void;
  finishUpload(id: string, url: string): void;
  readonly calls: { loadOlder: number; notifyTyping: number };
  /** Someone else's message arrives live. */
  receive(body: string, from?: string): ThreadItem;
  /** The server confirmed a pending send. */
  confirm(key: string): void;
  /** The send failed with this sentence. */
  fail(key: string, error: Sentence): void;
  setItems(items: ThreadItem[]): void;
  setTyping(names: string[]): void;
  setReady(ready: boolean): void;
}

export interface FixtureThreadOptions {
  conversationId?: string;
  items?: ThreadItem[];
  /** Older pages, newest page first: each loadOlder() prepends the next one. */
  olderPages?: ThreadItem[][];
  ready?: boolean;
}

/** A thread whose send/retry/loadOlder behave like the real model's, in memory. */
export function createFixtureThread(options: FixtureThreadOptions = {}): FixtureThread {
  const conversationId = options.conversationId ?? 'c_1';
  const items = signal<readonly ThreadItem[]>(options.items ?? []);
  const pages = [...(options.olderPages ?? [])];
  const hasMore = signal(pages.length > 0);
  const loadingOlder = signal(false);
  const ready = signal(options.ready ?? true);
  const typing = signal<readonly string[]>([]);
  const sent: string[] = [];
  const sentWith: (SendOptions | undefined)[] = [];
  const retried: string[] = [];
  const images: { file: Blob; options: SendOptions | undefined }[] = [];
  const edits: { id: string; body: string }[] = [];
  const removed: string[] = [];
  const uploads = signal<readonly UploadItem[]>([]);
  const changeUpload = (id: string, change: Partial<UploadItem>) => {
    uploads.value = uploads.value.map((u) => (u.id === id ? { ...u, ...change } : u));
  };
  const changeMessage = (id: string, change: Partial<Message>) => {
    items.value = items.value.map((item) => (item.message.id === id ? { ...item, message: { ...item.message, ...change } } : item));
  };
  const calls = { loadOlder: 0, notifyTyping: 0 };
  let clientSerial = 0;

  const update = (key: string, change: (item: ThreadItem) => ThreadItem) => {
    items.value = items.value.map((item) => (item.key === key ? change(item) : item));
  };

  return {
    conversationId,
    items,
    hasMore,
    loadingOlder,
    ready,
    typing,
    sent,
    sentWith,
    retried,
    images,
    edits,
    removed,
    nextFailure: null,
    calls,
    uploads,
    sendImage(file, sendOptions) {
      const checked = checkImage(file);
      if (!checked.ok) return checked.reason;
      images.push({ file: checked.file, options: sendOptions });
      const name = (file as File).name || '';
      uploads.value = [...uploads.value, { id: `u_${images.length}`, file: checked.file, name, progress: 0, status: 'uploading', error: null }];
      return null;
    },
    retryUpload(id) {
      changeUpload(id, { status: 'uploading', progress: 0, error: null });
    },
    discardUpload(id) {
      uploads.value = uploads.value.filter((u) => u.id !== id);
    },
    async edit(id, body) {
      edits.push({ id, body });
      const failure = this.nextFailure;
      if (failure === null) changeMessage(id, { body, edited_at: nextTime() });
      return failure;
    },
    async remove(id) {
      removed.push(id);
      const failure = this.nextFailure;
      if (failure === null) changeMessage(id, { deleted_at: nextTime() });
      return failure;
    },
    async findMessage(id) {
      while (!items.value.some((i) => i.message.id === id) && hasMore.value) await this.loadOlder();
      return items.value.some((i) => i.message.id === id);
    },
    progressUpload(id, fraction) {
      changeUpload(id, { progress: fraction });
    },
    failUpload(id, error) {
      changeUpload(id, { status: 'failed', error });
    },
    finishUpload(id, url) {
      uploads.value = uploads.value.filter((u) => u.id !== id);
      const key = `client_${++clientSerial}`;
      const m = message({ id: key, conversation_id: conversationId, sender_id: VISITOR, body: null, message_type: 'image', media_url: url });
      items.value = [...items.value, { key, message: m, status: 'pending', mine: true, error: null }];
    },
    async loadOlder() {
      calls.loadOlder++;
      if (loadingOlder.value || !hasMore.value) return;
      loadingOlder.value = true;
      await Promise.resolve();
      const page = pages.shift() ?? [];
      items.value = [...page, ...items.value];
      hasMore.value = pages.length > 0;
      loadingOlder.value = false;
    },
    send(text: string, sendOptions?: SendOptions) {
      // Trimmed, like the real thread (test/widget/state/threadContract.test.ts runs both).
      const body = text.trim();
      if (body === '') return;
      sent.push(text);
      sentWith.push(sendOptions);
      const key = `client_${++clientSerial}`;
      const m = message({ id: key, conversation_id: conversationId, sender_id: VISITOR, body, reply_to: sendOptions?.replyTo ?? null });
      items.value = [...items.value, { key, message: m, status: 'pending', mine: true, error: null }];
    },
    retry(key: string) {
      retried.push(key);
      update(key, (item) => ({ ...item, status: 'pending', error: null }));
    },
    notifyTyping() {
      calls.notifyTyping++;
    },
    receive(body: string, from = SUPPORT) {
      const item = sentItem(message({ conversation_id: conversationId, sender_id: from, body }), false);
      items.value = [...items.value, item];
      return item;
    },
    confirm(key: string) {
      update(key, (item) => ({ ...item, status: 'sent', message: { ...item.message, id: `srv_${key}` } }));
    },
    fail(key: string, error: Sentence) {
      update(key, (item) => ({ ...item, status: 'failed', error }));
    },
    setItems(next: ThreadItem[]) {
      items.value = next;
    },
    setTyping(names: string[]) {
      typing.value = names;
    },
    setReady(value: boolean) {
      ready.value = value;
    },
  };
}

/** What a fixture store lets a test do and see besides the ChatStore itself. */
export interface FixtureStore extends ChatStore {
  readonly calls: { startConversation: number; dismissError: number; opened: string[] };
  readonly threads: Map<string, FixtureThread>;
  setStatus(status: 'starting' | 'ready' | 'error'): void;
  setError(error: Sentence | null): void;
  setConnection(connection: Connection): void;
  setConversations(list: ConversationSummary[]): void;
  /** Adds a conversation summary with its thread; returns the thread. */
  addConversation(kind: ConversationKind, lastMessage: string | null, unread?: number, thread?: FixtureThreadOptions): FixtureThread;
}

export interface FixtureStoreOptions {
  open?: boolean;
  /** Opens this thread at once (screen 'thread'). */
  thread?: FixtureThreadOptions;
  names?: Record<string, string>;
}

/** A ChatStore over signals, with the visitor `u_visitor` and the support person `support` ("Sam"). */
export function createFixtureStore(options: FixtureStoreOptions = {}): FixtureStore {
  const status = signal<'starting' | 'ready' | 'error'>('ready');
  const error = signal<Sentence | null>(null);
  const connection = signal<Connection>('online');
  const isOpen = signal(options.open ?? false);
  const screen = signal<ScreenName>('list');
  const conversations = signal<readonly ConversationSummary[]>([]);
  const unreadTotal = computed(() => conversations.value.reduce((sum, c) => sum + c.unread, 0));
  const thread = signal<ThreadModel | null>(null);
  const userId = signal(VISITOR);
  const names: Record<string, string> = { [VISITOR]: 'You', [SUPPORT]: 'Sam', ...options.names };
  const threads = new Map<string, FixtureThread>();
  const calls = { startConversation: 0, dismissError: 0, opened: [] as string[] };
  let conversationSerial = 0;

  const addConversation = (kind: ConversationKind, lastMessage: string | null, unread = 0, threadOptions: FixtureThreadOptions = {}) => {
    const id = threadOptions.conversationId ?? `c_${++conversationSerial}`;
    const conversation: Conversation = {
      id,
      tenant_id: 't_1',
      kind,
      external_ref: `${kind}:${VISITOR}`,
      participants: [VISITOR, SUPPORT],
      last_message: lastMessage,
      last_at: lastMessage === null ? null : nextTime(),
    };
    const t = createFixtureThread({ ...threadOptions, conversationId: id });
    threads.set(id, t);
    conversations.value = [{ conversation, kind, lastMessage, lastAt: conversation.last_at, unread }, ...conversations.value];
    return t;
  };

  const openConversation = (id: string) => {
    calls.opened.push(id);
    const t = threads.get(id);
    if (!t) return;
    thread.value = t;
    screen.value = 'thread';
    conversations.value = conversations.value.map((c) => (c.conversation.id === id ? { ...c, unread: 0 } : c));
  };

  if (options.thread) openConversation(addConversation('support', null, 0, options.thread).conversationId);

  return {
    status,
    error,
    connection,
    isOpen,
    screen,
    conversations,
    unreadTotal,
    thread,
    userId,
    calls,
    threads,
    displayName: (id) => names[id] ?? id,
    open: () => void (isOpen.value = true),
    close: () => void (isOpen.value = false),
    toggle: () => void (isOpen.value = !isOpen.value),
    openConversation,
    async startConversation() {
      calls.startConversation++;
      const existing = conversations.value.find((c) => c.kind === 'support');
      openConversation(existing ? existing.conversation.id : addConversation('support', null).conversationId);
    },
    backToList: () => void (screen.value = 'list'),
    dismissError() {
      calls.dismissError++;
      error.value = null;
    },
    setStatus: (value) => void (status.value = value),
    setError: (value) => void (error.value = value),
    setConnection: (value) => void (connection.value = value),
    setConversations: (list) => void (conversations.value = list),
    addConversation,
  };
}
