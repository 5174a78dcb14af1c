/** What the REST handlers need from realtime: put an event on a channel (`conv:<id>`). */
export interface Broadcaster {
  /**
   * @param topic - channel name without the `realtime:` prefix, e.g. `conv:c_abc`
   * @param event - `message`, `typing`, `read` (conv:), `conversation` (user:)
   * @param tenantId - for a channel that belongs to a tenant (`user:<id>`); `conv:` channels need none
   */
  broadcast(topic: string, event: string, payload: unknown, tenantId?: string): void;
}

/** Used until a realtime server is attached (and by tests that only look at REST). */
export const noBroadcast: Broadcaster = { broadcast() {} };
