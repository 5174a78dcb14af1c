import type { Message, TinyChatApi } from '../transport/types.ts';
import type { Outbox } from './createOutbox.ts';

/** Options of createThread. */
export interface ThreadOptions {
  conversationId: string;
  /** See {@link ThreadModel.viewKey}. @defaultValue the conversation's id */
  viewKey?: string;
  api: TinyChatApi;
  outbox: Outbox;
  userId: string;
  userName: string | null;
  /** A page of history. */
  pageSize?: number;
  /** Told about each message from someone else that was not known before (live or backfilled). */
  onIncoming?(message: Message): void;
  /** Told when a page failed to load, with the error. */
  onError?(error: unknown): void;
  /** What this thread held before (see createThreadCache): shown at once, then merged with the first page. */
  initial?: readonly Message[] | undefined;
  /** Told about every message merged from any source (the store learns senders' names from them). */
  learn?(messages: readonly Message[]): void;
  /** False while sending is held (the composer keeps the draft). Absent: always true. */
  canSend?(): boolean;
}
