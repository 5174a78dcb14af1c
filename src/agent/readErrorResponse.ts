import { AgentHttpError } from './errors/AgentHttpError.ts';
import { RateLimitError } from './errors/RateLimitError.ts';
import { errorSentence } from './errorSentence.ts';
import { retryAfterSeconds } from './retryAfterSeconds.ts';

/**
 * Turns a non-2xx agent response into a typed error: 429 becomes a {@link RateLimitError} with the
 * wait in seconds, anything else an {@link AgentHttpError} whose message is the server's reason.
 */
export async function readErrorResponse(response: Response, now: number = Date.now()): Promise<AgentHttpError | RateLimitError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's HTML page, say): keep the text, use the fallback sentence
  }
  const { message, code, text: serverText } = errorSentence(response.status, body);
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers, now);
    const limit = Number(response.headers.get('x-ratelimit-limit'));
    return new RateLimitError(message, wait, Number.isFinite(limit) && limit > 0 ? limit : undefined);
  }
  return new AgentHttpError(response.status, message, code, body, serverText);
}
