import { TransportError, transportErrorKind } from './TransportError.ts';

/** No API key was given (absent, empty or only spaces). */
export class MissingKeyError extends TransportError {
  override name = 'MissingKeyError';

  constructor() {
    super('missing-key', 'The chat widget has no API key. Set data-api-key (or api-key) to your publishable key, pk_live_… or pk_test_….');
  }
}

/** Whether `value` is a {@link MissingKeyError}, from any realm. */
export function isMissingKeyError(value: unknown): value is MissingKeyError {
  return transportErrorKind(value) === 'missing-key';
}
