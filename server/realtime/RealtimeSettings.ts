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
}

export const defaultRealtimeSettings: RealtimeSettings = {
  heartbeatTimeoutMs: 60_000,
  maxBufferedBytes: 1024 * 1024,
  maxPayloadBytes: 256 * 1024,
};
