/** Limits of the realtime endpoint; `createServer({ realtimeSettings })` overrides them (tests use short ones). */
export interface RealtimeSettings {
  /**
   * A socket that sends nothing (the client heartbeats every 25 s) for this long is closed.
   * @defaultValue 60_000
   */
  heartbeatTimeoutMs: number;
  /**
   * Bytes a socket may have waiting to be written; past this the consumer is too slow and is dropped, so it
   * never holds back the others or grows the server's memory without bound.
   * @defaultValue 1 MiB
   */
  maxBufferedBytes: number;
  /**
   * Largest frame a client may send (and largest broadcast payload); ws closes with 1009 above it.
   * @defaultValue 256 KiB (Supabase's own free-plan broadcast limit)
   */
  maxPayloadBytes: number;
  /**
   * Channels one socket may have joined at once; a join past it is refused.
   * @defaultValue 100 (Supabase's default)
   */
  maxChannelsPerSocket: number;
  /**
   * Client events (joins, leaves, broadcasts, token updates; not heartbeats) one socket may send per window;
   * the rest are refused (an error reply when they carry a ref), so one client cannot keep the server busy.
   * @defaultValue 200 per 10 s (room to rejoin the most channels a socket may hold, twice)
   */
  clientEvents: { limit: number; windowMs: number };
  /**
   * Sockets open at once from one IP address; past it the upgrade is answered 429.
   * @defaultValue 100
   */
  maxSocketsPerAddress: number;
  /**
   * Largest `typing` payload a client may broadcast on a `conv:` channel (it says who is typing, no more).
   * @defaultValue 1024 bytes
   */
  maxTypingBytes: number;
}

export const defaultRealtimeSettings: RealtimeSettings = {
  heartbeatTimeoutMs: 60_000,
  maxBufferedBytes: 1024 * 1024,
  maxPayloadBytes: 256 * 1024,
  maxChannelsPerSocket: 100,
  clientEvents: { limit: 200, windowMs: 10_000 },
  maxSocketsPerAddress: 100,
  maxTypingBytes: 1024,
};
