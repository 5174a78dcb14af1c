import type { Signal } from '@preact/signals';
import type { Conversation, Message, ReadPosition, RealtimeConnector, TinyChatApi } from '../transport/types.ts';
import { timeKey } from './messageOrder.ts';

/** What read state needs from the store around it (each read at call time). */
export interface ReadSyncHost {
  api: TinyChatApi;
  userId(): string;
  /** True while the person is looking at that conversation (its count stays 0). */
  reading(conversationId: string): boolean;
  setUnread(conversationId: string, count: number): void;
  /** Per conversation, the newest `created_at` someone else has read (the visitor's "Seen"); written here. */
  seenAt: Signal<ReadonlyMap<string, string>>;
  /** `/v1/config`'s features: `user_channel` says the user's own channel carries `conversation` events. */
  features: readonly string[];
  /** Fetches the conversation list again (soon: several calls make one fetch). */
  refresh(): void;
  /** True for a conversation whose channel is watched already. */
  known(conversationId: string): boolean;
  /** `tinychat:read` `{ conversationId, userId, messageId }`. */
  emit(name: 'read', detail: { conversationId: string; userId: string; messageId: string }): void;
}

/** Read state kept on the server (`read_state` in `/v1/config` features), shared by every device of a user. */
export interface ReadSync {
  /** Takes list rows: others' read positions, one's own, and the server's unread counts. */
  list(rows: readonly Conversation[]): void;
  /** Takes a `read` event of a conversation's channel (its payload unchecked: it came from the network). */
  receive(conversationId: string, payload: object): void;
  /** Tells the server this user has read up to `message` (once per message, never backwards). */
  post(conversationId: string, message: Message | undefined): void;
  /**
   * Realtime is there: joins the user's own channel (`user_channel`), where a conversation id the store does not
   * watch yet means a conversation new to this user, or news outside the watched ones: the list is fetched again.
   */
  connected(realtime: RealtimeConnector): void;
}

/**
 * Read state against a server that keeps it (a chunk of its own, loaded only when `/v1/config` lists
 * `read_state`; against the hosted seed the store counts per browser instead): unread counts from the list rows and from `read` events (the same on
 * every device of the user), one's own position posted as messages are read, others' positions for "Seen".
 */
export function createReadSync(host: ReadSyncHost): ReadSync {
  const { seenAt } = host;
  // Own positions the server has (from the list) or was sent: a position is posted once, and only forward.
  const posted = new Map<string, string>();
  const ahead = (held: string | undefined, at: string) => held === undefined || timeKey(at) > timeKey(held);
  const note = (id: string, at: string): boolean => {
    if (!ahead(seenAt.peek().get(id), at)) return false;
    seenAt.value = new Map(seenAt.peek()).set(id, at);
    return true;
  };
  return {
    list(rows) {
      for (const c of rows) {
        for (const r of c.reads ?? []) {
          if (r.user_id !== host.userId()) note(c.id, r.message_at);
          else if (ahead(posted.get(c.id), r.message_at)) posted.set(c.id, r.message_at);
        }
        if (!host.reading(c.id)) host.setUnread(c.id, c.unread_count ?? 0);
      }
    },
    receive(id, payload) {
      const { user_id: user, message_id: messageId, message_at: at, unread_count: count } = payload as Partial<Record<keyof ReadPosition | 'unread_count', unknown>>;
      if (typeof user !== 'string' || typeof messageId !== 'string' || typeof at !== 'string') return;
      // One's own read on another device: that device's count is this one's too.
      if (user === host.userId()) {
        if (typeof count === 'number' && !host.reading(id)) host.setUnread(id, count);
      } else if (note(id, at)) host.emit('read', { conversationId: id, userId: user, messageId });
    },
    post(id, message) {
      const { api } = host;
      if (message === undefined || api.markRead === undefined || !ahead(posted.get(id), message.created_at)) return;
      const before = posted.get(id);
      posted.set(id, message.created_at);
      // A lost mark is tried again at the next read; only the other devices' counts wait for it.
      api.markRead(id, host.userId(), message.id).catch(() => (before === undefined ? posted.delete(id) : posted.set(id, before)));
    },
    connected(realtime) {
      const { refresh } = host;
      if (!host.features.includes('user_channel')) return;
      realtime.subscribe(
        '',
        {
          onEvent(e) {
            const id = e.type === 'conversation' ? (e.payload as { conversation_id?: unknown }).conversation_id : undefined;
            if (typeof id === 'string' && !host.known(id)) refresh();
          },
          // (Re)joined: what was created meanwhile is in the list.
          onStatus: (s) => s === 'SUBSCRIBED' && refresh(),
        },
        `user:${host.userId()}`,
      );
    },
  };
}
