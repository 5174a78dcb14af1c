/** Options of {@link createRestClient}. */
export interface RestClientOptions {
  /** The TinyChat host, e.g. `https://api.tinychat.dev` or the local server's URL; `/v1/...` is added. */
  baseUrl: string;
  /** The tenant's publishable key (`pk_live_…`/`pk_test_…`); a secret key is refused before anything is sent. */
  apiKey: string;
  /**
   * The fetch to use (tests, proxies, a fetch with credentials).
   * @defaultValue `globalThis.fetch`, looked up at call time
   */
  fetch?: typeof fetch;
  /**
   * Limit for one attempt, from sending the request to reading the whole body.
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt, for calls that are safe to repeat.
   * @defaultValue 2
   */
  retries?: number;
  /**
   * First backoff step; the n-th retry waits a random time up to `retryBaseMs * 2^n` (full jitter).
   * @defaultValue 300
   */
  retryBaseMs?: number;
  /** @defaultValue 5000 */
  retryCapMs?: number;
  /**
   * A `Retry-After` longer than this is not waited out inside the call: the error is thrown so the
   * widget can show the wait and keep the draft instead of hanging.
   * @defaultValue 10
   */
  maxRetryAfterSeconds?: number;
  /**
   * Limit for an upload (up to 10 MB on a slow line needs far more than `timeoutMs`).
   * @defaultValue 120000
   */
  uploadTimeoutMs?: number;
  /**
   * Used by `upload` for real progress events; `null` always uploads with fetch (no progress until done).
   * @defaultValue `globalThis.XMLHttpRequest` when it exists
   */
  XMLHttpRequest?: typeof XMLHttpRequest | null;
  /**
   * The signed-in user's token, sent as `x-tinychat-user-token` on every call when it returns one.
   * @defaultValue none
   */
  userToken?: () => string | undefined;
  /**
   * Asked once when a call that carried a user token is answered 401 (it expired while the device slept, say):
   * resolves to a fresh token, and the call is made again with it; undefined leaves the 401 as it is.
   * @defaultValue none
   */
  renewUserToken?: () => Promise<string | undefined>;
  /** Random source of the jitter, for tests. @defaultValue Math.random */
  random?: () => number;
}
