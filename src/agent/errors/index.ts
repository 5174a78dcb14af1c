export { AgentError, isAgentError, type AgentErrorKind } from './AgentError.ts';
export { AgentHttpError } from './AgentHttpError.ts';
export { NetworkError } from './NetworkError.ts';
export { RateLimitError } from './RateLimitError.ts';
