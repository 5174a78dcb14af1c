import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** JSON request bodies above this are refused with 413 before they are read. */
export const JSON_LIMIT = 64 * 1024;

/**
 * 413 `{ "error": "request body too large" }` for a JSON body above JSON_LIMIT: no REST field needs more
 * (a message body is at most 10,000 characters), and nothing bigger is ever buffered.
 */
export const jsonBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: JSON_LIMIT,
  // The rest of the body is never read; closing stops the client reusing a socket it is still writing to.
  onError: (c) => c.json({ error: 'request body too large' }, 413, { connection: 'close' }),
});
