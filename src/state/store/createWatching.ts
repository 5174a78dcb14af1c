import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ChannelStatus, LiveEvent, LiveSubscription, RealtimeConnector } from '../../transport/types.ts';
import type { Connection } from '../types.ts';
import type { StoreState } from './createStoreState.ts';

/** Conversations whose channels stay joined while the panel is closed, for the badge and the list. */
export const maxWatched = 20;

/** The realtime channels joined: one per watched conversation, each with its own cleanup. */
export interface Watching {
  /** What the banner says: offline or a channel down is 'reconnecting'. */
  readonly connection: ReadonlySignal<Connection>;
  /** Realtime is connected: from now on `watch` joins channels. */
  connect(realtime: RealtimeConnector): void;
  readonly connected: () => boolean;
  watch(conversationId: string): void;
  /** Leaves the conversation's channel, unless it is among the first {@link maxWatched} of the list. */
  release(conversationId: string): void;
  /** Joins the first {@link maxWatched} conversations of the list and the open one. */
  watchAll(): void;
  setOnline(online: boolean): void;
  dispose(): void;
}

export interface WatchingHooks {
  onEvent(conversationId: string, event: LiveEvent): void;
  /** A channel joined or rejoined: what was sent while it was down is to be fetched from history. */
  onJoined(conversationId: string): void;
}

/** Watches conversations over the realtime connector once it is connected. */
export function createWatching(state: StoreState, hooks: WatchingHooks): Watching {
  const { conversations, openId } = state;
  const subscriptions = new Map<string, { sub: LiveSubscription; status: ChannelStatus | null; everJoined: boolean }>();
  const socket = signal<Connection>('connecting');
  const online = signal(globalThis.navigator?.onLine ?? true);
  const channelState = signal(0);
  let realtime: RealtimeConnector | null = null;

  const recomputeSocket = () => {
    const states = [...subscriptions.values()];
    if (states.length === 0) socket.value = 'online';
    else if (states.some((s) => s.everJoined && s.status !== 'SUBSCRIBED')) socket.value = 'reconnecting';
    else if (states.every((s) => s.status === 'SUBSCRIBED')) socket.value = 'online';
    else socket.value = states.some((s) => s.everJoined) ? 'reconnecting' : 'connecting';
    channelState.value += 1;
  };

  const unwatch = (conversationId: string) => {
    subscriptions.get(conversationId)?.sub.close();
    subscriptions.delete(conversationId);
    recomputeSocket();
  };

  const watching: Watching = {
    connection: computed<Connection>(() => {
      channelState.value;
      if (!online.value) return 'reconnecting';
      return socket.value;
    }),
    connect(connector) {
      realtime = connector;
    },
    connected: () => realtime !== null,
    watch(conversationId) {
      if (realtime === null || subscriptions.has(conversationId) || state.disposed) return;
      const entry = { sub: { close() {} } as LiveSubscription, status: null as ChannelStatus | null, everJoined: false };
      subscriptions.set(conversationId, entry);
      entry.sub = realtime.subscribe(conversationId, {
        onEvent: (event) => hooks.onEvent(conversationId, event),
        onStatus(next) {
          const joined = next === 'SUBSCRIBED';
          entry.status = next;
          if (joined) entry.everJoined = true;
          recomputeSocket();
          if (joined) hooks.onJoined(conversationId);
        },
      });
      recomputeSocket();
    },
    release(conversationId) {
      if (!conversations.value.slice(0, maxWatched).some((c) => c.id === conversationId)) unwatch(conversationId);
    },
    watchAll() {
      for (const c of conversations.value.slice(0, maxWatched)) watching.watch(c.id);
      if (openId.value !== null) watching.watch(openId.value);
    },
    setOnline(value) {
      online.value = value;
    },
    dispose() {
      realtime?.dispose();
      subscriptions.clear();
    },
  };
  return watching;
}
