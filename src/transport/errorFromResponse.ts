import { HttpError } from './errors/HttpError.ts';
import { RateLimitError } from './errors/RateLimitError.ts';
import { parseErrorBody, readErrorBody } from './readErrorBody.ts';
import { retryAfterSeconds } from './retryAfterSeconds.ts';

/**
 * Turns a non-2xx response into a typed error: 429 becomes a {@link RateLimitError} with its wait, anything
 * else an {@link HttpError} whose `message` is the server's sentence (or `HTTP <status>` when it gave none).
 *
 * @param status - the response status
 * @param headers - the response headers (for the 429 wait)
 * @param text - the body as text
 */
export function errorFromResponse(status: number, headers: Headers, text: string, now: number = Date.now()): HttpError {
  const body = parseErrorBody(text);
  const fields = readErrorBody(body);
  const init = { status, body, code: fields.code, requestId: fields.requestId, message: fields.message || `HTTP ${status}` };
  return status === 429 ? new RateLimitError(init, retryAfterSeconds(headers, now)) : new HttpError(init);
}
