import { signal, type ReadonlySignal } from '@preact/signals';
import type { Conversation, Message, RealtimeConnector } from '../../transport/types.ts';
import type { ReadSync } from '../createReadSync.ts';
import type { StoreState } from './createStoreState.ts';
import type { Unread } from './createUnread.ts';

/** Read state kept on the server, when `/v1/config` lists `read_state`; else every call does nothing. */
export interface ServerReads {
  /** Per conversation, the newest message time someone else has read ("Seen"). */
  readonly seenAt: ReadonlySignal<ReadonlyMap<string, string>>;
  /** Loads the read-state chunk when the config lists `read_state` (it is not fetched otherwise). */
  start(): Promise<void>;
  /** A list fetched from the server. */
  fetched(rows: readonly Conversation[]): void;
  /** A `read` event's payload on a conversation's channel. */
  receive(conversationId: string, payload: object): void;
  /** Realtime is connected: the user's own channel is joined (`user_channel`). */
  connected(realtime: RealtimeConnector): void;
}

/**
 * The store's side of server read state: the chunk (`createReadSync`) is imported only against a server that has
 * it; once it is here it takes over the unread counts from the per-browser counting (`unread.server`).
 * @param hooks.refresh - fetch the list again soon; @param hooks.joined - the conversation's channel is joined
 */
export function createServerReads(state: StoreState, unread: Unread, hooks: { refresh(): void; joined(conversationId: string): boolean }): ServerReads {
  const seenAt = signal<ReadonlyMap<string, string>>(new Map());
  let sync: ReadSync | null = null;
  return {
    seenAt,
    async start() {
      const features = state.config?.features ?? [];
      if (!features.includes('read_state')) return;
      const loaded = await import('../createReadSync.ts').catch(() => undefined);
      if (loaded === undefined || state.disposed) return;
      sync = loaded.createReadSync({
        api: state.api,
        userId: () => state.userId.value,
        reading: state.reading,
        setUnread: unread.set,
        seenAt,
        emit: state.emit,
        features,
        refresh: hooks.refresh,
        known: hooks.joined,
      });
      unread.server = sync;
      sync.list(state.conversations.value);
    },
    fetched: (rows) => sync?.list(rows),
    receive: (id, payload) => sync?.receive(id, payload),
    connected: (realtime) => sync?.connected(realtime),
  };
}

/** What the unread counts need from server read state: where to post how far the reader got. */
export interface ReadPoster {
  post(conversationId: string, message: Message | undefined): void;
}
