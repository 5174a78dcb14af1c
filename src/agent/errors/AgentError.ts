/** Every way an agent reply can fail, as a string union so callers can switch on it. */
export type AgentErrorKind = 'http' | 'rate-limit' | 'network' | 'cut-off' | 'bad-stream' | 'refused';

/**
 * Base class of the agent client's errors. `message` is always an English sentence a person understands, for
 * programs; the view says the failure by `kind` (and status) in the reader's language (`agentSentence`).
 */
export class AgentError extends Error {
  override name = 'AgentError';
  /** Which failure this is; survives realms where `instanceof` does not. */
  readonly kind: AgentErrorKind;

  constructor(kind: AgentErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

const KINDS: readonly string[] = ['http', 'rate-limit', 'network', 'cut-off', 'bad-stream', 'refused'];

/**
 * Whether `value` is one of this module's errors. Duck-typed rather than `instanceof`, because a widget
 * page may hand errors across iframes and bundles (STYLE.md item 6).
 */
export function isAgentError(value: unknown): value is AgentError {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, message } = value as Partial<AgentError>;
  return typeof message === 'string' && typeof kind === 'string' && KINDS.includes(kind);
}

/** What a failure that is not one of ours becomes: a broken reply, with the original as its cause. */
export function unexpectedAgentError(cause?: unknown): AgentError {
  return new AgentError('bad-stream', 'The assistant ran into a problem. Please try again.', cause === undefined ? undefined : { cause });
}
