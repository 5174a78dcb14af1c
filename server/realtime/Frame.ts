/** The two serializers the client speaks: `1.0.0` JSON objects, `2.0.0` JSON arrays plus binary broadcasts. */
export type Vsn = '1.0.0' | '2.0.0';

/** One Phoenix message, either direction. `topic` is on the wire form (`realtime:conv:abc`, or `phoenix`). */
export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

/**
 * A broadcast as it travels inside the server and between processes: the payload is kept serialized, so it is
 * encoded once however many sockets receive it.
 */
export interface Broadcast {
  /** Which subscribers: see topicKey. */
  key: string;
  /** Channel name without the `realtime:` prefix, e.g. `conv:c_abc`. */
  topic: string;
  event: string;
  /** The payload as JSON text (kind 4 encoding 1), or raw bytes (encoding 0; vsn 1.0.0 sockets cannot receive those). */
  body: string | Uint8Array;
}
