import { AgentError } from './AgentError.ts';

/** 429 from the agent: the person has sent too many messages and must wait `retryAfter` seconds. */
export class RateLimitError extends AgentError {
  override name = 'RateLimitError';
  readonly status = 429;
  /** Whole seconds to wait before sending again (at least 1). */
  readonly retryAfter: number;
  /** `X-RateLimit-Limit`, when sent. */
  readonly limit: number | undefined;

  constructor(message: string, retryAfter: number, limit?: number) {
    super('rate-limit', message);
    this.retryAfter = retryAfter;
    this.limit = limit;
  }
}
