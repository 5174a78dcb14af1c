import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error answered in Talkory's shape, `{ error: { code, message, status, requestId } }`.
 * @example throw new TalkoryError(403, 'insufficient_scope', 'This key lacks the health:read scope.')
 */
export class TalkoryError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. `Retry-After` on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'TalkoryError';
  }
}
