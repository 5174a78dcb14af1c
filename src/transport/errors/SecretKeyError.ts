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
    super(
      'secret-key',
      `This API key starts with "${prefix}", which marks a secret server key; it must never be put in a web page, ` +
        'so the chat widget did not use it. Use your publishable key (pk_live_… or pk_test_…) instead, and replace ' +
        'the secret key if it has been published.',
    );
    this.prefix = prefix;
  }
}

/** Whether `value` is a {@link SecretKeyError}, from any realm. */
export function isSecretKeyError(value: unknown): value is SecretKeyError {
  return transportErrorKind(value) === 'secret-key';
}
