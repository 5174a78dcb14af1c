import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error answered in Tiny Talk's shape, `{ "code": <status>, "message": "..." }`.
 * @example throw new AgentError(400, 'botId is required')
 */
export class AgentError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    /** Extra response headers, e.g. `Retry-After` on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
