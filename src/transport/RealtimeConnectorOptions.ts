import type { RealtimeClient, RealtimeClientOptions } from '@supabase/supabase-js';

/** Options of {@link createRealtimeConnector}. */
export interface RealtimeConnectorOptions {
  /**
   * The WebSocket constructor. Browsers have one; Node 20 does not, so tests pass `WebSocket` from `ws`.
   * @defaultValue the platform's `WebSocket`
   */
  transport?: RealtimeClientOptions['transport'];
  /** Extra socket URL parameters; `apikey` is always `config.realtime.supabase_anon_key`. */
  params?: Record<string, string>;
  /** Join timeout in ms (then TIMED_OUT and a retry). @defaultValue realtime-js's 10000 */
  timeoutMs?: number;
  /** @defaultValue realtime-js's 25000 */
  heartbeatIntervalMs?: number;
  /** Socket reconnect schedule. @defaultValue realtime-js's 1 s, 2 s, 5 s, 10 s steps */
  reconnectAfterMs?: (tries: number) => number;
  /**
   * The signed-in user's token, sent as the channels' `access_token` (and again whenever it changes, at the next
   * heartbeat); null for none.
   */
  accessToken?: () => Promise<string | null>;
  /** Registers a call for when the token changes, so joined channels get the fresh one at once. */
  onTokenChange?: (listener: () => void) => () => void;
  /** Where the client class comes from; tests and bundles with their own copy can hand it in. @defaultValue lazy import */
  load?: () => Promise<typeof RealtimeClient>;
}
