import { signal, type ReadonlySignal } from '@preact/signals';
import type { Conversation, LiveEvent, Message, RealtimeConnector, TinyChatApi } from '../transport/types.ts';
import { timeKey } from './messageOrder.ts';

/** What read state needs from the store around it (each read at call time). */
export interface ReadSyncHost {
  api: TinyChatApi;
  userId(): string;
  /** True while the person is looking at that conversation (its count stays 0). */
  reading(conversationId: string): boolean;
  setUnread(conversationId: string, count: number): void;
  /** `tinychat:read` `{ conversationId, userId, messageId }`. */
  emit(name: 'read', detail: { conversationId: string; userId: string; messageId: string }): void;
}

/** Read state kept on the server (`read_state` in `/v1/config` features), shared by every device of a user. */
export interface ReadSync {
  /** Whether the server keeps read state; off against the hosted seed, where the store counts per browser. */
  on: boolean;
  /** Per conversation, the newest `created_at` someone else has read (the visitor's "Seen"). */
  readonly seenAt: ReadonlySignal<ReadonlyMap<string, string>>;
  /** Takes list rows: others' read positions, one's own, and (when on) the server's unread counts. */
  list(rows: readonly Conversation[]): void;
  /** Takes a `read` event of a conversation's channel. */
  receive(conversationId: string, event: Extract<LiveEvent, { type: 'read' }>): void;
  /** Tells the server this user has read up to `message` (once per message, never backwards). */
  post(conversationId: string, message: Message | undefined): void;
  /**
   * Joins the user's own channel (`user_channel`): a conversation id the store does not watch yet (`known`)
   * means a conversation new to this user, or one with news outside the watched ones: `refresh` fetches the list.
   */
  watchUser(realtime: RealtimeConnector, refresh: () => void, known: (conversationId: string) => boolean): void;
}

/**
 * Read state against a server that keeps it: unread counts from the list rows and from `read` events (the same on
 * every device of the user), one's own position posted as messages are read, others' positions for "Seen".
 */
export function createReadSync(host: ReadSyncHost): ReadSync {
  const seenAt = signal<ReadonlyMap<string, string>>(new Map());
  // Own positions the server has (from the list) or was sent: a position is posted once, and only forward.
  const posted = new Map<string, string>();
  const ahead = (held: string | undefined, at: string) => held === undefined || timeKey(at) > timeKey(held);
  const note = (id: string, at: string): boolean => {
    if (!ahead(seenAt.peek().get(id), at)) return false;
    seenAt.value = new Map(seenAt.peek()).set(id, at);
    return true;
  };
  const sync: ReadSync = {
    on: false,
    seenAt,
    list(rows) {
      for (const c of rows) {
        for (const r of c.reads ?? []) {
          if (r.user_id !== host.userId()) note(c.id, r.message_at);
          else if (ahead(posted.get(c.id), r.message_at)) posted.set(c.id, r.message_at);
        }
        if (sync.on && !host.reading(c.id)) host.setUnread(c.id, c.unread_count ?? 0);
      }
    },
    receive(id, { read, unreadCount }) {
      if (!sync.on) return;
      // One's own read on another device: that device's count is this one's too.
      if (read.user_id === host.userId()) {
        if (unreadCount !== null && !host.reading(id)) host.setUnread(id, unreadCount);
      } else if (note(id, read.message_at)) host.emit('read', { conversationId: id, userId: read.user_id, messageId: read.message_id });
    },
    post(id, message) {
      const { api } = host;
      if (!sync.on || message === undefined || api.markRead === undefined || !ahead(posted.get(id), message.created_at)) return;
      const before = posted.get(id);
      posted.set(id, message.created_at);
      // A lost mark is tried again at the next read; only the other devices' counts wait for it.
      api.markRead(id, host.userId(), message.id).catch(() => (before === undefined ? posted.delete(id) : posted.set(id, before)));
    },
    watchUser(realtime, refresh, known) {
      realtime.subscribe(
        '',
        {
          onEvent: (e) => e.type === 'conversation' && !known(e.conversationId) && refresh(),
          // (Re)joined: what was created meanwhile is in the list.
          onStatus: (s) => s === 'SUBSCRIBED' && refresh(),
        },
        `user:${host.userId()}`,
      );
    },
  };
  return sync;
}
