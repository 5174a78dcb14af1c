import { AgentHttpError } from '../errors/AgentHttpError.ts';
import { AgentRateLimitError } from '../errors/AgentRateLimitError.ts';
import { parseErrorBody } from '../readErrorBody.ts';
import { retryAfterSeconds } from '../retryAfterSeconds.ts';
import { errorSentence } from './errorSentence.ts';

/** Used when a 429 names no wait at all: long enough not to hammer the agent, short enough to retry soon. */
const defaultWaitSeconds = 30;

/**
 * Turns a non-2xx agent response into a typed error: 429 becomes an {@link AgentRateLimitError} with the
 * wait in seconds (at least 1), anything else an {@link AgentHttpError} whose message is the server's reason.
 */
export async function readErrorResponse(response: Response, now: number = Date.now()): Promise<AgentHttpError | AgentRateLimitError> {
  // Not JSON (a proxy's HTML page, say): the text is the body, and the sentence the fallback.
  const body = parseErrorBody(await response.text().catch(() => ''));
  const { message, code, text: serverText } = errorSentence(response.status, body);
  if (response.status === 429) {
    const wait = Math.max(1, retryAfterSeconds(response.headers, now) ?? defaultWaitSeconds);
    const limit = Number(response.headers.get('x-ratelimit-limit'));
    return new AgentRateLimitError(message, wait, Number.isFinite(limit) && limit > 0 ? limit : undefined);
  }
  return new AgentHttpError(response.status, message, code, body, serverText);
}
