import { en } from '../../i18n/en.ts';
import { format } from '../../i18n/sentence.ts';
import { TransportError, transportErrorKind } from './TransportError.ts';

/**
 * A secret (server-side) key was given to the browser. Nothing is sent with it: anyone can read a page's
 * keys, and a secret key would let them act as the site (SPEC.md).
 */
export class SecretKeyError extends TransportError {
  override name = 'SecretKeyError';
  /** The prefix that gave the key away, e.g. `tiny_sk_`. The key itself is never kept. */
  readonly prefix: string;

  constructor(prefix: string) {
    // The English table's sentence (one copy in the bundle); the widget shows it in the reader's language.
    super('secret-key', format(en.errorSecretKey, { prefix }));
    this.prefix = prefix;
  }
}

/** Whether `value` is a {@link SecretKeyError}, from any realm. */
export function isSecretKeyError(value: unknown): value is SecretKeyError {
  return transportErrorKind(value) === 'secret-key';
}
