import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error the client caused or may see, answered as the seed's `{ "error": "..." }` body.
 * @example throw new ApiError(404, 'conversation not found')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
