import { TransportError, transportErrorKind, type TransportErrorKind } from './TransportError.ts';

/** The agent's own failures among the transport's: its HTTP answers, its 429, its network, and its stream. */
export type AgentErrorKind = Extract<TransportErrorKind, 'agent-http' | 'agent-rate-limit' | 'agent-network' | 'cut-off' | 'bad-stream' | 'refused'>;

const KINDS: readonly string[] = ['agent-http', 'agent-rate-limit', 'agent-network', 'cut-off', 'bad-stream', 'refused'];

/**
 * Base class of the agent client's errors, transport errors of their own kinds. `message` is always an English
 * sentence a person understands, for programs; the view says the failure by `kind` (and status) in the reader's
 * language (`toSentence`).
 */
export class AgentError extends TransportError {
  override name = 'AgentError';
  declare readonly kind: AgentErrorKind;

  constructor(kind: AgentErrorKind, message: string, options?: { cause?: unknown }) {
    super(kind, message, options);
  }
}

/** Whether `value` is one of the agent's errors, from any realm (the transport's brand, not `instanceof`). */
export function isAgentError(value: unknown): value is AgentError {
  const kind = transportErrorKind(value);
  return kind !== undefined && KINDS.includes(kind);
}

/** What a failure that is not one of ours becomes: a broken reply, with the original as its cause. */
export function unexpectedAgentError(cause?: unknown): AgentError {
  return new AgentError('bad-stream', 'The assistant ran into a problem. Please try again.', cause === undefined ? undefined : { cause });
}
