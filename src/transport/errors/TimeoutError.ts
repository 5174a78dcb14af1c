import { TransportError, transportErrorKind } from './TransportError.ts';

/** No complete answer arrived within the client's `timeoutMs` (for one attempt). */
export class TimeoutError extends TransportError {
  override name = 'TimeoutError';
  /** The limit that passed, in ms. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super('timeout', `The chat service did not answer within ${Math.round(timeoutMs / 100) / 10} s.`);
    this.timeoutMs = timeoutMs;
  }
}

/** Whether `value` is a {@link TimeoutError}, from any realm. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return transportErrorKind(value) === 'timeout';
}
