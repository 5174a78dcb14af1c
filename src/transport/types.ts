/**
 * The shapes of the hosted TinyChat REST API and the two transport interfaces that
 * state receives as arguments, so tests and the demo can hand in other implementations.
 */

export type ConversationKind = 'order' | 'support' | 'direct';
export type UserRole = 'customer' | 'driver' | 'admin' | 'support';
export type MessageType = 'text' | 'image';

/** `GET /v1/config` */
export interface TinyChatConfig {
  tenant: { id: string; name: string };
  realtime: { supabase_url: string; supabase_anon_key: string; channel_prefix: string };
  /** Local-server extension: whether the AI agent's providers are healthy. Absent on other backends. */
  agent?: { healthy: boolean; checked_at: string | null };
}

export interface User {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string | null;
  email: string | null;
  role: UserRole;
  fcm_tokens: string[];
  notification_prefs: Record<string, unknown>;
  last_seen_at: string | null;
}

export interface UserInput {
  user_id: string;
  name?: string;
  email?: string;
  role?: UserRole;
}

export interface Conversation {
  id: string;
  tenant_id: string;
  kind: ConversationKind;
  external_ref: string | null;
  participants: string[];
  /** Present in the list endpoint only. */
  last_message?: string | null;
  last_at: string | null;
  /** Local-server extension (default mode): `{ user_id: name }` for the participants who gave a name. */
  participant_names?: Record<string, string>;
}

export interface ConversationInput {
  kind: ConversationKind;
  external_ref?: string;
  participants: string[];
}

export interface Message {
  id: string;
  conversation_id: string;
  sender_id: string;
  body: string | null;
  message_type: MessageType;
  media_url: string | null;
  reply_to: string | null;
  receiver_id?: string | null;
  /** ISO-8601 with microseconds from the local server; treat as an opaque, sortable cursor. */
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /** Local-server extension (default mode): the sender's name and role from the users table; absent elsewhere. */
  sender_name?: string | null;
  sender_role?: string | null;
}

export interface SendInput {
  sender_id: string;
  body?: string;
  message_type?: MessageType;
  media_url?: string;
  reply_to?: string;
  receiver_id?: string;
}

export interface HistoryQuery {
  /** created_at of the oldest message already held; the page is strictly older. */
  before?: string;
  /** Default 50, at most 200. */
  limit?: number;
}

export interface UploadResult {
  url: string;
  path: string;
}

/** Per-call options every transport method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The REST surface the state layer uses. Every method rejects with a typed error from `errors/`. */
export interface TinyChatApi {
  getConfig(options?: CallOptions): Promise<TinyChatConfig>;
  upsertUser(input: UserInput, options?: CallOptions): Promise<User>;
  listConversations(userId: string, kind?: ConversationKind, options?: CallOptions): Promise<Conversation[]>;
  getOrCreateConversation(input: ConversationInput, options?: CallOptions): Promise<Conversation>;
  /** Oldest-first. */
  history(conversationId: string, query?: HistoryQuery, options?: CallOptions): Promise<Message[]>;
  /** `idempotencyKey` goes in the `Idempotency-Key` header, which makes the send safe to retry. */
  send(conversationId: string, input: SendInput, idempotencyKey: string, options?: CallOptions): Promise<Message>;
  edit(conversationId: string, messageId: string, senderId: string, body: string, options?: CallOptions): Promise<Message>;
  remove(conversationId: string, messageId: string, senderId: string, options?: CallOptions): Promise<Message>;
  typing(conversationId: string, senderId: string, senderName?: string, options?: CallOptions): Promise<void>;
  /** `onProgress` gets uploaded/total bytes (0..1 as a fraction) when the platform reports upload progress. */
  upload(conversationId: string, file: Blob, onProgress?: (fraction: number) => void, options?: CallOptions): Promise<UploadResult>;
}

/** What arrives on `conv:<id>`. */
export type LiveEvent =
  | { type: 'message'; message: Message }
  | { type: 'typing'; senderId: string; senderName: string | null };

/** Subscribe states, as realtime-js names them. */
export type ChannelStatus = 'SUBSCRIBED' | 'TIMED_OUT' | 'CLOSED' | 'CHANNEL_ERROR';

export interface ChannelHandlers {
  onEvent(event: LiveEvent): void;
  /** Called on every status change; SUBSCRIBED after a drop means "rejoined: backfill now". */
  onStatus(status: ChannelStatus, error?: Error): void;
}

/** One open subscription; `close()` leaves the channel. */
export interface LiveSubscription {
  close(): void;
}

/** Realtime behind an interface: the implementation loads supabase-js lazily. */
export interface RealtimeConnector {
  subscribe(conversationId: string, handlers: ChannelHandlers): LiveSubscription;
  /** Closes the socket and every subscription. */
  dispose(): void;
}
