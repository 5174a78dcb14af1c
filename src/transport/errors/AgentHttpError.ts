import { AgentError } from './AgentError.ts';

/**
 * The agent answered with a non-2xx status. `message` is the server's reason as a sentence (English when the body
 * gave none); the view says it by status in the reader's language (`toSentence`).
 */
export class AgentHttpError extends AgentError {
  override name = 'AgentHttpError';
  /** HTTP status, e.g. 401. */
  readonly status: number;
  /** The `code` field of the error body, when it had one. */
  readonly code: string | number | undefined;
  /** The parsed error body (JSON) or its text. */
  readonly body: unknown;
  /** The reason the body gave, as a sentence; undefined when it gave none. */
  readonly serverText: string | undefined;

  constructor(status: number, message: string, code: string | number | undefined, body: unknown, serverText?: string) {
    super('agent-http', message);
    this.status = status;
    this.code = code;
    this.body = body;
    this.serverText = serverText;
  }
}
