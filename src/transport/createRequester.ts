import { abortableDelay } from './abortableDelay.ts';
import { backoffDelay } from './backoffDelay.ts';
import { errorFromResponse } from './errorFromResponse.ts';
import { HttpError, isHttpError } from './errors/HttpError.ts';
import { isNetworkError, NetworkError } from './errors/NetworkError.ts';
import { isTimeoutError, TimeoutError } from './errors/TimeoutError.ts';
import { retryAfterSeconds } from './retryAfterSeconds.ts';
import type { RestClientOptions } from './RestClientOptions.ts';

/** One call of the REST client. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below `/v1`, path segments already encoded, e.g. `/conversations/c%2F1/messages`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** A ready body (multipart); `json` wins when both are set. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Safe to repeat: idempotent, or a send carrying an Idempotency-Key. */
  retry: boolean;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

/** Sends a {@link RequestSpec} and resolves with the parsed JSON body (undefined when empty). */
export type Requester = (spec: RequestSpec) => Promise<unknown>;

// Statuses that say "try again later" rather than "this request is wrong".
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

// The reason our own timer aborts with, told apart from the caller's abort.
const TIMED_OUT = Symbol('timed out');

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; retryAfter?: number | undefined };

/** Builds the fetch loop shared by every REST method: URL, key header, timeout, typed errors, retries. */
export function createRequester(options: RestClientOptions): Requester {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/v1`;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = Math.max(0, options.retries ?? 2);
  const random = options.random ?? Math.random;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 10;
  // Looked up per call, not bound once: a page (or a test) may install its fetch after the widget loaded.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const once = async (spec: RequestSpec): Promise<Outcome> => {
    const limit = spec.timeoutMs ?? timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), limit);
    const forward = (): void => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', forward, { once: true });
    // Raced as well as passed to fetch: an injected fetch that ignores `signal` still times out.
    const stopped = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    const classify = (error: unknown): unknown => {
      if (spec.signal?.aborted) return spec.signal.reason;
      if (controller.signal.reason === TIMED_OUT) return new TimeoutError(limit);
      return new NetworkError(error);
    };
    try {
      if (spec.signal?.aborted) throw spec.signal.reason;
      const work = async (): Promise<Outcome> => {
        const response = await doFetch(url(spec), init(spec, controller.signal)).catch((e: unknown) => {
          throw classify(e);
        });
        // The body is read under the same timer: a server that stalls mid-body is as dead as one that never answers.
        const text = await response.text().catch((e: unknown) => {
          throw classify(e);
        });
        if (!response.ok) {
          return { ok: false, error: errorFromResponse(response.status, response.headers, text), retryAfter: retryAfterSeconds(response.headers) };
        }
        if (text === '') return { ok: true, value: undefined };
        try {
          return { ok: true, value: JSON.parse(text) };
        } catch {
          return { ok: false, error: new HttpError({ status: response.status, body: text, message: 'the server sent a reply that is not JSON' }) };
        }
      };
      return await Promise.race([work(), stopped.catch((e: unknown) => Promise.reject(classify(e)))]);
    } catch (error) {
      return { ok: false, error };
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', forward);
    }
  };

  const url = (spec: RequestSpec): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query ?? {})) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    return `${base}${spec.path}${search ? `?${search}` : ''}`;
  };

  const init = (spec: RequestSpec, signal: AbortSignal): RequestInit => {
    const headers: Record<string, string> = { accept: 'application/json', 'x-tinychat-api-key': options.apiKey, ...userTokenHeader(options), ...spec.headers };
    let body = spec.body;
    if (spec.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.json);
    }
    return { method: spec.method, headers, body: body ?? null, signal };
  };

  return async (spec) => {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const token = options.userToken?.();
      const outcome = await once(spec);
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      // A 401 was not acted on, so sending it again with a fresh token is safe for any call; once, not in a loop.
      if (!renewed && token !== undefined && options.renewUserToken && isHttpError(error) && error.status === 401) {
        renewed = true;
        const fresh = await options.renewUserToken().catch(() => undefined);
        if (fresh === undefined || fresh === token) throw error;
        attempt--;
        continue;
      }
      if (!spec.retry || attempt >= retries || !retryable(error)) throw error;
      const wait = outcome.retryAfter;
      // A long server-named wait is the person's to see, not ours to sit out inside a pending call.
      if (wait !== undefined && wait > maxRetryAfter) throw error;
      // 429/503 without a named wait back off like any other retry.
      const delay = wait !== undefined ? wait * 1000 : backoffDelay(attempt, options.retryBaseMs ?? 300, options.retryCapMs ?? 5_000, random);
      await abortableDelay(delay, spec.signal);
    }
  };
}

/** The user token header, when there is a token to send. */
export function userTokenHeader(options: RestClientOptions): Record<string, string> {
  const token = options.userToken?.();
  return token === undefined ? {} : { 'x-tinychat-user-token': token };
}

function retryable(error: unknown): boolean {
  if (isNetworkError(error) || isTimeoutError(error)) return true;
  return isHttpError(error) && RETRY_STATUSES.has(error.status);
}
