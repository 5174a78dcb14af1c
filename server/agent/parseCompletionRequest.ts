import { AgentError } from './AgentError.ts';

/** One turn of the conversation, as the seed's `messages` items. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A validated `POST /v1/chat/completions` body. */
export interface CompletionRequest {
  botId: string;
  messages: ChatMessage[];
  /** undefined: the agent's stream setting decides. */
  stream: boolean | undefined;
  temperature: number | undefined;
  model: string | undefined;
}

const ROLES = new Set(['system', 'user', 'assistant']);
/** Bounds that keep one request cheap to handle; far above what a chat needs. */
export const MAX_MESSAGES = 200;
export const MAX_CONTENT_CHARS = 32_000;

/**
 * Checks a parsed JSON body against the seed's body parameters.
 * @throws AgentError 400 with a message naming the field
 */
export function parseCompletionRequest(body: unknown): CompletionRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AgentError(400, 'request body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.botId !== 'string' || b.botId.trim() === '') throw new AgentError(400, 'botId is required and must be a non-empty string');
  if (b.botId.length > 200) throw new AgentError(400, 'botId is too long');
  if (!Array.isArray(b.messages) || b.messages.length === 0) throw new AgentError(400, 'messages is required and must be a non-empty array');
  if (b.messages.length > MAX_MESSAGES) throw new AgentError(400, `messages may hold at most ${MAX_MESSAGES} items`);
  const messages = b.messages.map((m: unknown, i): ChatMessage => {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new AgentError(400, `messages[${i}] must be an object with role and content`);
    const { role, content } = m as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role)) throw new AgentError(400, `messages[${i}].role must be one of system, user, assistant`);
    if (typeof content !== 'string') throw new AgentError(400, `messages[${i}].content must be a string`);
    if (content.length > MAX_CONTENT_CHARS) throw new AgentError(400, `messages[${i}].content is longer than ${MAX_CONTENT_CHARS} characters`);
    return { role: role as ChatMessage['role'], content };
  });
  if (!messages.some((m) => m.role === 'user' && m.content.trim() !== '')) throw new AgentError(400, 'messages must include a non-empty user message');
  if (b.stream !== undefined && b.stream !== null && typeof b.stream !== 'boolean') throw new AgentError(400, 'stream must be a boolean');
  const t = b.temperature;
  if (t !== undefined && t !== null && (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 2)) {
    throw new AgentError(400, 'temperature must be a number between 0 and 2');
  }
  if (b.model !== undefined && b.model !== null && (typeof b.model !== 'string' || b.model.trim() === '')) {
    throw new AgentError(400, 'model must be a non-empty string');
  }
  return {
    botId: b.botId,
    messages,
    stream: typeof b.stream === 'boolean' ? b.stream : undefined,
    temperature: typeof t === 'number' ? t : undefined,
    model: typeof b.model === 'string' ? b.model : undefined,
  };
}
