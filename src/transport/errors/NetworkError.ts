import { TransportError, transportErrorKind } from './TransportError.ts';

/** The request failed below HTTP: offline, DNS, refused or reset connection. The platform's error is `cause`. */
export class NetworkError extends TransportError {
  override name = 'NetworkError';

  constructor(cause: unknown) {
    super('network', 'The chat service could not be reached.', { cause });
  }
}

/** Whether `value` is a {@link NetworkError}, from any realm. */
export function isNetworkError(value: unknown): value is NetworkError {
  return transportErrorKind(value) === 'network';
}
