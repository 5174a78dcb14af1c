import { en } from '../../i18n/en.ts';
import { TransportError, transportErrorKind } from './TransportError.ts';

/** No API key was given (absent, empty or only spaces). */
export class MissingKeyError extends TransportError {
  override name = 'MissingKeyError';

  constructor() {
    super('missing-key', en.errorMissingKey);
  }
}

/** Whether `value` is a {@link MissingKeyError}, from any realm. */
export function isMissingKeyError(value: unknown): value is MissingKeyError {
  return transportErrorKind(value) === 'missing-key';
}
