/**
 * Which transport failure an error is, as a string union so callers can switch on it: the REST and realtime
 * client's, then the agent client's own (its HTTP answers, its 429, its network, a cut-off or unreadable stream,
 * a secret agent key refused).
 */
export type TransportErrorKind =
  | 'http'
  | 'rate-limit'
  | 'network'
  | 'timeout'
  | 'secret-key'
  | 'missing-key'
  | 'agent-http'
  | 'agent-rate-limit'
  | 'agent-network'
  | 'cut-off'
  | 'bad-stream'
  | 'refused';

/**
 * The brand every transport error carries. `Symbol.for` is one registry shared by every realm of a page, so
 * an error made by a widget in an iframe or by a second copy of the bundle still passes the guards, where
 * `instanceof` would not.
 */
export const TRANSPORT_ERROR: unique symbol = Symbol.for('tinychat.transport.error') as never;

/**
 * Base class of the transport's errors (REST, realtime, agent). Never thrown directly; see the subclasses.
 */
export class TransportError extends Error {
  override name = 'TransportError';
  /** Which failure this is (the same value as the brand). */
  readonly kind: TransportErrorKind;
  /** The cross-realm brand; read it through the `isXxx` guards. */
  readonly [TRANSPORT_ERROR]: TransportErrorKind;

  constructor(kind: TransportErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this[TRANSPORT_ERROR] = kind;
  }
}

/** The brand of `value` when it is a transport error from any realm, else undefined. */
export function transportErrorKind(value: unknown): TransportErrorKind | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const kind = (value as { [TRANSPORT_ERROR]?: unknown })[TRANSPORT_ERROR];
  return typeof kind === 'string' ? (kind as TransportErrorKind) : undefined;
}

/**
 * Whether `value` is any transport error (HTTP, rate limit, network, timeout, key). Checks the brand, not
 * the prototype, so it holds across iframes and bundles.
 */
export function isTransportError(value: unknown): value is TransportError {
  return transportErrorKind(value) !== undefined;
}
