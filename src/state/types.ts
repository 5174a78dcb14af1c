/**
 * What views read and call (views read `.value` and call actions; nothing else).
 * `createChatStore()` builds the real one from a transport; component tests build it over the local server.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { AgentView } from './agent/AgentView.ts';
import type { Conversation, ConversationKind, Message, UserRole } from '../transport/types.ts';
import type { Sentence } from '../i18n/sentence.ts';

export type { Sentence };

/** pending: written, not yet confirmed; sent: the server has it; failed: gave up, the visitor may Retry. */
export type SendStatus = 'pending' | 'sent' | 'failed';

/** One row of a thread. `key` is stable from the moment it is written (client id until the server's id is known). */
export interface ThreadItem {
  readonly key: string;
  readonly message: Message;
  readonly status: SendStatus;
  /** Written by this visitor. */
  readonly mine: boolean;
  /** Why a send failed, as a sentence the view says in the reader's language. */
  readonly error: Sentence | null;
}

/** A row already on screen for a message not yet in the outbox (a draft's): its key and when it was written. */
export interface WrittenRow {
  key: string;
  at: string;
}

/** What a send may carry besides its content. */
export interface SendOptions {
  /** Id of the message this one answers (`reply_to`). */
  replyTo?: string;
  /** The row it already has (a draft's message handed to its thread), so it stays the same row. */
  written?: WrittenRow;
}

/** An image on its way up: `progress` is the upload's own 0..1; a failed one keeps its file for Retry. */
export interface UploadItem {
  readonly id: string;
  readonly file: Blob;
  /** The file's name; '' for a blob without one (the view calls it "Image" in the reader's language). */
  readonly name: string;
  readonly progress: number;
  readonly status: 'uploading' | 'failed';
  /** Why the upload failed, as a sentence the view says in the reader's language. */
  readonly error: Sentence | null;
  /** A failure that trying again may mend (offline, a timeout, 5xx); false: refused (its type, its size). */
  readonly retryable?: boolean;
}

export interface ConversationSummary {
  readonly conversation: Conversation;
  readonly kind: ConversationKind;
  readonly lastMessage: string | null;
  readonly lastAt: string | null;
  readonly unread: number;
  /** Who wrote the last message, when known (live, or the server's `last_sender_id`). */
  readonly lastSenderId?: string | null;
}

export interface ThreadModel {
  readonly conversationId: string;
  /**
   * What the view is keyed by: the conversation's id, except that the thread a draft became keeps the draft's, so
   * its first message's row and the message box stay the same elements when the conversation is created.
   */
  readonly viewKey?: string;
  /** Oldest first; every message exactly once. */
  readonly items: ReadonlySignal<readonly ThreadItem[]>;
  /** More history exists before the oldest item. */
  readonly hasMore: ReadonlySignal<boolean>;
  readonly loadingOlder: ReadonlySignal<boolean>;
  /** First page loaded (or failed). */
  readonly ready: ReadonlySignal<boolean>;
  /** Names of others typing now ("Ada"; '' for one who gave no name), cleared ~3 s after their last event. */
  readonly typing: ReadonlySignal<readonly string[]>;
  /** The user ids of those typing now, in the same order: the view names them as their messages are named. */
  readonly typers?: ReadonlySignal<readonly string[]>;
  /** Loads one older page; no-op while loading or when there is nothing more. */
  loadOlder(): Promise<void>;
  /** Queues a text message in the outbox; it shows at once as pending. Empty text is ignored. */
  send(text: string, options?: SendOptions): void;
  retry(key: string): void;
  /** Discards a failed message (from storage too) and gives back its text, or null when it had none. */
  discard?(key: string): string | null;
  /** The first page could not be loaded (what shows came from before, or nothing); tried again on recovery. */
  readonly failedToLoad?: ReadonlySignal<boolean>;
  /** Sends wait for the connection (offline, the service unreachable): pending rows say so. */
  readonly waiting?: ReadonlySignal<boolean>;
  /** False while sending is held (the agent's 429 wait): the composer keeps the draft. Absent: always true. */
  canSend?(): boolean;
  /** Call on each keystroke; sends at most one typing event every 2.5 s. */
  notifyTyping(): void;
  // Images, edit/delete and replies to an unloaded message: optional, so a model without them still fits
  // the views, which then offer no "Attach image", "Edit" or "Delete".
  /** Images being uploaded, before they become image messages. */
  readonly uploads?: ReadonlySignal<readonly UploadItem[]>;
  /**
   * Checks an image (type, at most 10 MB) and uploads it; once uploaded it is queued as an image message through
   * the outbox (sent exactly once). Returns why it was refused, or null when it is on its way.
   */
  sendImage?(file: Blob, options?: SendOptions): 'type' | 'size' | null;
  retryUpload?(id: string): void;
  discardUpload?(id: string): void;
  /** Edits one's own sent message; resolves to null, or to a sentence saying why it failed. */
  edit?(messageId: string, body: string): Promise<Sentence | null>;
  /** Soft-deletes one's own sent message; resolves to null, or to a sentence saying why it failed. */
  remove?(messageId: string): Promise<Sentence | null>;
  /** Loads older pages until the message is held; false when the conversation's start came first (or a page failed). */
  findMessage?(messageId: string): Promise<boolean>;
}

/** offline: the device says it has no network (the banner says messages wait for it). */
export type Connection = 'connecting' | 'online' | 'reconnecting' | 'offline';
export type ScreenName = 'list' | 'thread';

export interface ChatStore {
  /** 'error' means the widget cannot work (bad key, secret key, server unreachable at start); `error` says why. */
  readonly status: ReadonlySignal<'starting' | 'ready' | 'error'>;
  /** What went wrong, as a sentence the view says in the reader's language (role=alert); null when all is well. */
  readonly error: ReadonlySignal<Sentence | null>;
  readonly connection: ReadonlySignal<Connection>;
  readonly isOpen: ReadonlySignal<boolean>;
  readonly screen: ReadonlySignal<ScreenName>;
  readonly conversations: ReadonlySignal<readonly ConversationSummary[]>;
  /** Unread messages from others over every conversation, for the launcher badge. */
  readonly unreadTotal: ReadonlySignal<number>;
  readonly thread: ReadonlySignal<ThreadModel | null>;
  /** The visitor's own user id. */
  readonly userId: ReadonlySignal<string>;
  /** The user's role (`user-role`): a support person or admin sees the inbox instead of the visitor's list. */
  readonly role?: UserRole;
  /** The tenant's name from `/v1/config` once it is known ("Acme Logistics"): a new thread's header. */
  readonly tenantName?: ReadonlySignal<string | null>;
  /** The agent's views once its lazy chunk has loaded (only with a `bot-id`); absent or null: no agent. */
  readonly agent?: ReadonlySignal<AgentView | null>;
  /** Per conversation, the newest message time someone else has read (server read state; absent: unknown). */
  readonly seenAt?: ReadonlySignal<ReadonlyMap<string, string>>;
  /** Display names known for user ids (own name, names from typing events). */
  displayName(userId: string): string;
  open(): void;
  close(): void;
  toggle(): void;
  openConversation(id: string): void;
  /** Get-or-create a conversation of the configured kind and open it. */
  startConversation(): Promise<void>;
  /**
   * "New conversation": a thread whose conversation the first send creates (none is left behind by who only
   * looked); with `external-ref`, the pinned one. Absent: the views call {@link startConversation}.
   */
  newConversation?(): void;
  backToList(): void;
  /** Clears `error` when it is a transient one. */
  dismissError(): void;
  /**
   * Why the widget has not started yet while it keeps trying (the service down or unreachable, offline), as a
   * sentence; null once started, or while the first try runs. Absent: a store that does not retry.
   */
  readonly startFailure?: ReadonlySignal<Sentence | null>;
  /** Tries to start again now (the "Try again" button). */
  retryStart?(): void;
}
