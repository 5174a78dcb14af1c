import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

/** The demo tenant's realtime anon key (`/v1/config` gives it out). */
export const ANON_KEY = 'rt_anon_demo';
export const OTHER_ANON_KEY = 'rt_anon_other';

/** A WebSocket class as the client constructs it. */
export type Transport = new (address: string, protocols?: string | string[]) => WebSocket;

/** What a channel handler receives for `.on('broadcast', …)`. */
export interface Received {
  type: 'broadcast';
  event: string;
  payload: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads are inspected loosely in tests
}

/**
 * The unmodified supabase-js client, as the seed shows it, on Node (ws transport, no auth traffic).
 * @param options.reconnectAfterMs - a short schedule keeps rejoin tests fast; the default is 1, 2, 5, 10 s
 * @param options.transport - a WebSocket class of the test's own (see trackedTransport)
 */
export function realtimeClient(
  url: string,
  key = ANON_KEY,
  options: { vsn?: '1.0.0' | '2.0.0'; reconnectAfterMs?: (tries: number) => number; transport?: Transport } = {},
): SupabaseClient {
  return createClient(url, key, {
    realtime: {
      // ws's WebSocket is what Node 20 lacks; its type differs slightly from the DOM one the option names.
      transport: (options.transport ?? WebSocket) as unknown as typeof globalThis.WebSocket,
      ...(options.vsn === undefined ? {} : { vsn: options.vsn }),
      ...(options.reconnectAfterMs === undefined ? {} : { reconnectAfterMs: options.reconnectAfterMs }),
    },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

/** A channel with every broadcast it receives recorded, and every subscribe status it goes through. */
export interface Watched {
  channel: RealtimeChannel;
  received: Received[];
  statuses: string[];
  /** Resolves at the next SUBSCRIBED (counting from now), rejects after `statuses` shows no hope. */
  subscribed(): Promise<void>;
}

/**
 * Joins `name` and records what arrives on it.
 * @param config - the channel's broadcast config (`self`, `ack`)
 */
export function watch(client: SupabaseClient, name: string, config: { self?: boolean; ack?: boolean } = {}): Watched {
  const channel = client.channel(name, { config: { broadcast: config } });
  const received: Received[] = [];
  const statuses: string[] = [];
  const waiters: (() => void)[] = [];
  channel.on('broadcast', { event: '*' }, (msg) => void received.push(msg as Received));
  channel.subscribe((status, err) => {
    statuses.push(err === undefined ? status : `${status}: ${err.message}`);
    if (status === 'SUBSCRIBED') waiters.splice(0).forEach((w) => w());
  });
  return {
    channel,
    received,
    statuses,
    subscribed: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

/** Joins and waits until SUBSCRIBED. */
export async function joined(client: SupabaseClient, name: string, config: { self?: boolean; ack?: boolean } = {}): Promise<Watched> {
  const w = watch(client, name, config);
  if (!w.statuses.includes('SUBSCRIBED')) await w.subscribed();
  return w;
}

/**
 * A ws WebSocket class that keeps every socket it opens, so a test can stall one the way a frozen tab or a
 * congested link would (its TCP socket stops being read).
 */
export function trackedTransport(): { transport: Transport; sockets: WebSocket[]; stall(ws: WebSocket): () => void } {
  const sockets: WebSocket[] = [];
  class Tracked extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      sockets.push(this);
    }
  }
  return {
    transport: Tracked,
    sockets,
    stall: (ws) => {
      // ws keeps its TCP socket private; pausing it is the only way to stop reading without closing.
      const tcp = (ws as unknown as { _socket: import('node:net').Socket })._socket;
      tcp.pause();
      return () => void tcp.resume();
    },
  };
}
