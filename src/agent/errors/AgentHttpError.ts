import { AgentError } from './AgentError.ts';

/** The agent answered with a non-2xx status. `message` is the server's reason as a sentence. */
export class AgentHttpError extends AgentError {
  override name = 'AgentHttpError';
  /** HTTP status, e.g. 401. */
  readonly status: number;
  /** The `code` field of the error body, when it had one. */
  readonly code: string | number | undefined;
  /** The parsed error body (JSON) or its text. */
  readonly body: unknown;

  constructor(status: number, message: string, code: string | number | undefined, body: unknown) {
    super('http', message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}
