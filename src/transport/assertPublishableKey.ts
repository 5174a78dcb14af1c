import { MissingKeyError } from './errors/MissingKeyError.ts';
import { SecretKeyError } from './errors/SecretKeyError.ts';

// Secret keys of the three backends: TinyChat server keys, Tiny Talk private-agent keys, Talkory keys,
// and the common `sk_` convention. Longest first, so `tiny_server_sk_` is named as itself.
const SECRET_PREFIXES = ['tiny_server_sk_', 'tiny_sk_', 'tk_live_', 'tk_test_', 'sk_'] as const;

/**
 * Refuses a key that must not be in a browser, before anything is sent with it.
 *
 * @param key - the key the page gave the widget
 * @throws {@link MissingKeyError} when the key is absent or blank
 * @throws {@link SecretKeyError} when it starts with a secret prefix (`tiny_sk_`, `tiny_server_sk_`, `tk_live_`,
 *   `tk_test_`, `sk_`); its message says why and to use a `pk_live_…`/`pk_test_…` key instead
 * @example
 * ```ts
 * assertPublishableKey(script.dataset.apiKey) // throws for "tiny_sk_…"
 * ```
 */
export function assertPublishableKey(key: string | null | undefined): asserts key is string {
  const trimmed = key?.trim() ?? '';
  if (trimmed === '') throw new MissingKeyError();
  // Case-insensitive: "TK_LIVE_…" pasted from a shouting config file is just as secret.
  const lower = trimmed.toLowerCase();
  const prefix = SECRET_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix !== undefined) throw new SecretKeyError(prefix);
}
