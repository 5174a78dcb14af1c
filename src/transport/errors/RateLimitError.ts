import { HttpError, type HttpErrorInit } from './HttpError.ts';
import { transportErrorKind } from './TransportError.ts';

/**
 * 429: too many requests. Carries the wait the server asked for, so the widget can show it and keep the draft.
 */
export class RateLimitError extends HttpError {
  override name = 'RateLimitError';
  /**
   * Whole seconds to wait, from `Retry-After` (seconds or an HTTP date) or else `X-RateLimit-Reset`;
   * undefined when the server named no wait.
   */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: HttpErrorInit, retryAfterSeconds: number | undefined) {
    super(init, 'rate-limit');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Whether `value` is a {@link RateLimitError}, from any realm. */
export function isRateLimitError(value: unknown): value is RateLimitError {
  return transportErrorKind(value) === 'rate-limit';
}
