import { AgentError, isAgentError, unexpectedAgentError, type AgentErrorKind } from '../../errors/AgentError.ts';
import { AgentHttpError } from '../../errors/AgentHttpError.ts';
import { AgentNetworkError } from '../../errors/AgentNetworkError.ts';
import { AgentRateLimitError } from '../../errors/AgentRateLimitError.ts';

/** An agent error as plain data, to cross from the stream worker to the page (classes do not survive cloning). */
export interface SerializedError {
  kind: AgentErrorKind;
  message: string;
  /** The error's own fields (status, code, body, retryAfterSeconds, limit…). */
  fields: Record<string, unknown>;
}

/** Reads any failure into {@link SerializedError}; what is not an agent error becomes `bad-stream`. */
export function serializeError(error: unknown): SerializedError {
  if (!isAgentError(error)) return serializeError(unexpectedAgentError());
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    // Only what structured clone carries as data: a `cause` may be an Error from the worker's fetch.
    if (key !== 'cause' && key !== 'name' && (value === null || typeof value !== 'object' || key === 'body')) fields[key] = value;
  }
  return { kind: error.kind, message: error.message, fields };
}

/** Rebuilds the error class the main-thread client would have thrown, with every field the worker saw. */
export function reviveError({ kind, message, fields }: SerializedError): AgentError {
  const error =
    kind === 'agent-rate-limit'
      ? new AgentRateLimitError(message, Number(fields.retryAfterSeconds) || 0, typeof fields.limit === 'number' ? fields.limit : undefined)
      : kind === 'agent-http'
        ? new AgentHttpError(Number(fields.status), message, fields.code as string | number | undefined, fields.body)
        : kind === 'agent-network'
          ? new AgentNetworkError(undefined)
          : new AgentError(kind, message);
  return Object.assign(error, fields);
}
