import { AgentError } from './AgentError.ts';

/** The request or the stream failed below HTTP (offline, DNS, reset connection). */
export class NetworkError extends AgentError {
  override name = 'NetworkError';

  constructor(cause: unknown) {
    super('network', 'The assistant could not be reached. Check your connection and try again.', { cause });
  }
}
