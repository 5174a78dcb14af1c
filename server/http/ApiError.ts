import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error the client caused or may see, answered as the seed's `{ "error": "..." }` body.
 * @param headers - sent with the answer (a 429's `Retry-After`)
 * @example throw new ApiError(404, 'conversation not found')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
