import { AgentError } from './AgentError.ts';

/** A request to the agent or its stream failed below HTTP (offline, DNS, reset connection). */
export class AgentNetworkError extends AgentError {
  override name = 'AgentNetworkError';

  constructor(cause: unknown) {
    super('agent-network', 'The assistant could not be reached. Check your connection and try again.', { cause });
  }
}
