/**
 * What views read and call (STYLE.md rule 5: views read `.value` and call actions; nothing else).
 * `createChatStore()` builds the real one from a transport; component tests build it over the local server.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { AgentView } from './agent/AgentView.ts';
import type { Conversation, ConversationKind, Message } from '../transport/types.ts';
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

/** What a send may carry besides its content. */
export interface SendOptions {
  /** Id of the message this one answers (`reply_to`). */
  replyTo?: string;
}

/** An image on its way up (issue 6): `progress` is the upload's own 0..1; a failed one keeps its file for Retry. */
export interface UploadItem {
  readonly id: string;
  readonly file: Blob;
  /** The file's name; '' for a blob without one (the view calls it "Image" in the reader's language). */
  readonly name: string;
  readonly progress: number;
  readonly status: 'uploading' | 'failed';
  /** Why the upload failed, as a sentence the view says in the reader's language. */
  readonly error: Sentence | null;
}

export interface ConversationSummary {
  readonly conversation: Conversation;
  readonly kind: ConversationKind;
  readonly lastMessage: string | null;
  readonly lastAt: string | null;
  readonly unread: number;
}

export interface ThreadModel {
  readonly conversationId: string;
  /** Oldest first; every message exactly once. */
  readonly items: ReadonlySignal<readonly ThreadItem[]>;
  /** More history exists before the oldest item. */
  readonly hasMore: ReadonlySignal<boolean>;
  readonly loadingOlder: ReadonlySignal<boolean>;
  /** First page loaded (or failed). */
  readonly ready: ReadonlySignal<boolean>;
  /** Names of others typing now ("Ada"; '' for one who gave no name), cleared ~3 s after their last event. */
  readonly typing: ReadonlySignal<readonly string[]>;
  /** Loads one older page; no-op while loading or when there is nothing more. */
  loadOlder(): Promise<void>;
  /** Queues a text message in the outbox; it shows at once as pending. Empty text is ignored. */
  send(text: string, options?: SendOptions): void;
  retry(key: string): void;
  /** False while sending is held (the agent's 429 wait, issue 5): the composer keeps the draft. Absent: always true. */
  canSend?(): boolean;
  /** Call on each keystroke; sends at most one typing event every 2.5 s. */
  notifyTyping(): void;
  // Issue 6 (images, edit/delete, reply to an unloaded message): optional, so a model without them still fits
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

export type Connection = 'connecting' | 'online' | 'reconnecting';
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
  /** The agent's views once its lazy chunk has loaded (only with a `bot-id`); absent or null: no agent. */
  readonly agent?: ReadonlySignal<AgentView | null>;
  /** Display names known for user ids (own name, names from typing events). */
  displayName(userId: string): string;
  open(): void;
  close(): void;
  toggle(): void;
  openConversation(id: string): void;
  /** Get-or-create a conversation of the configured kind and open it. */
  startConversation(): Promise<void>;
  backToList(): void;
  /** Clears `error` when it is a transient one. */
  dismissError(): void;
}
