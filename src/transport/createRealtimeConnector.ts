import type { RealtimeChannel, RealtimeClient } from '@supabase/supabase-js';
import { loadRealtimeClient } from './loadRealtimeClient.ts';
import type { RealtimeConnectorOptions } from './RealtimeConnectorOptions.ts';
import { toLiveEvent } from './toLiveEvent.ts';
import type { ChannelHandlers, ChannelStatus, LiveSubscription, RealtimeConnector, TinyChatConfig } from './types.ts';

/**
 * The realtime side of the transport: one socket to `config.realtime.supabase_url` shared by every
 * subscription, each conversation on its own channel `channel_prefix + id` (`conv:<id>`).
 *
 * supabase-js's `RealtimeClient` is imported lazily on the first `subscribe()`. Reconnecting is realtime-js's job:
 * after a dropped socket the channel reports CHANNEL_ERROR (or TIMED_OUT/CLOSED), then SUBSCRIBED once it has
 * rejoined; state shows "Reconnecting…" in between and backfills from history on that SUBSCRIBED, since
 * broadcasts sent while away are not replayed.
 *
 * @param config - the `GET /v1/config` answer
 * @example
 * ```ts
 * const live = createRealtimeConnector(config);
 * const sub = live.subscribe(conversationId, { onEvent: apply, onStatus: (s) => s === 'SUBSCRIBED' && backfill() });
 * ```
 */
export function createRealtimeConnector(config: TinyChatConfig, options: RealtimeConnectorOptions = {}): RealtimeConnector {
  const { supabase_url: url, supabase_anon_key: anonKey, channel_prefix: prefix } = config.realtime;
  // supabase-js derives the same endpoint from the project URL: ws(s)://host/realtime/v1 (+ /websocket).
  const endpoint = `${url.replace(/\/+$/, '').replace(/^http/i, 'ws')}/realtime/v1`;
  const open = new Set<() => void>();
  let client: Promise<RealtimeClient> | undefined;
  let disposed = false;

  const getClient = (): Promise<RealtimeClient> => {
    client ??= (options.load ?? loadRealtimeClient)().then((Client) => {
      const created = new Client(endpoint, {
        params: { ...options.params, apikey: anonKey },
        // Protocol 1.0.0: plain JSON frames, which our broadcasts (JSON objects) need no more than; the build then
        // leaves out realtime-js's 2.0.0 binary serializer (scripts/realtimeShims.ts, about 0.7 KB gzip).
        vsn: '1.0.0',
        ...(options.transport ? { transport: options.transport } : {}),
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
        ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
        ...(options.reconnectAfterMs ? { reconnectAfterMs: options.reconnectAfterMs } : {}),
        ...(options.accessToken ? { accessToken: options.accessToken } : {}),
      });
      // Disposed while the chunk was loading: never open the socket.
      if (disposed) void created.disconnect();
      // The token is fetched first, or the first joins would go out without it (and be refused where it is required).
      return options.accessToken
        ? created.setAuth().then(
            () => created,
            () => created,
          )
        : created;
    });
    return client;
  };

  // A refreshed token goes to the joined channels now, not at the next heartbeat (the old one may expire first).
  const offTokenChange = options.onTokenChange?.(() => void client?.then((c) => c.setAuth()).catch(() => {}));

  return {
    subscribe(conversationId: string, handlers: ChannelHandlers, name = prefix + conversationId): LiveSubscription {
      let closed = disposed;
      let channel: RealtimeChannel | undefined;
      let last: ChannelStatus | undefined;
      const report = (status: ChannelStatus, error?: Error): void => {
        // Once per change: realtime-js repeats CHANNEL_ERROR on every failed reconnect attempt.
        if (closed || status === last) return;
        last = status;
        handlers.onStatus(status, error);
      };
      const close = (): void => {
        if (closed) return;
        closed = true;
        open.delete(close);
        if (channel) channel.socket.removeChannel(channel).catch(() => {});
      };
      if (closed) return { close };
      open.add(close);

      getClient().then(
        (c) => {
          if (closed) return;
          const ch = c.channel(name, { config: { broadcast: { self: false, ack: false } } });
          channel = ch;
          // Every event through one handler: toLiveEvent keeps those it knows (`message`, `typing`, `read`, `conversation`).
          ch.on('broadcast', { event: '*' }, (message: { event?: unknown; payload?: unknown }) => {
            const live = closed || typeof message.event !== 'string' ? undefined : toLiveEvent(message.event, message.payload);
            if (live) handlers.onEvent(live);
          });
          ch.subscribe((status, error) => report(status as ChannelStatus, error));
        },
        (error: unknown) => report('CHANNEL_ERROR', error instanceof Error ? error : new Error('the realtime client could not be loaded', { cause: error })),
      );
      return { close };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      offTokenChange?.();
      for (const close of [...open]) close();
      void client?.then((c) => c.disconnect()).catch(() => {});
    },
  };
}
