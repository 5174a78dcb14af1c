import { AgentError } from './AgentError.ts';

/** 429 from the agent: the person has sent too many messages and must wait `retryAfterSeconds`. */
export class AgentRateLimitError extends AgentError {
  override name = 'AgentRateLimitError';
  readonly status = 429;
  /** Whole seconds to wait before sending again (at least 1: the agent names a wait when the server did not). */
  readonly retryAfterSeconds: number;
  /** `X-RateLimit-Limit`, when sent. */
  readonly limit: number | undefined;

  constructor(message: string, retryAfterSeconds: number, limit?: number) {
    super('agent-rate-limit', message);
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}
