import { AgentError } from './AgentError.ts';
import type { LlmUpstream } from './AgentSettings.ts';

/** The JSON body sent to an OpenAI-compatible `/chat/completions`. */
export interface UpstreamBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
}

/** The upstream's completions URL from its configured base. */
export function completionsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

/**
 * Sends a streaming chat completion upstream and waits for its headers; failures become clean errors
 * (502 unreachable or refused, 503 busy with its Retry-After, 504 slow) before anything is sent to the caller.
 * @param signal - the caller going away aborts the upstream request too
 */
export async function openUpstream(llm: LlmUpstream, body: UpstreamBody, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (llm.key) headers.authorization = `Bearer ${llm.key}`;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), llm.timeoutMs);
  let res: Response;
  try {
    res = await fetch(completionsUrl(llm.url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...body, stream: true }),
      signal: AbortSignal.any([signal, timeout.signal]),
    });
  } catch (err) {
    if (timeout.signal.aborted) throw new AgentError(504, 'the AI provider did not answer in time');
    if (signal.aborted) throw err;
    throw new AgentError(502, 'the AI provider could not be reached');
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return res;
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 401 || res.status === 403) throw new AgentError(502, "the AI provider refused the server's credentials");
  if (res.status === 429 || res.status === 503) {
    const wait = Number(res.headers.get('retry-after'));
    throw new AgentError(503, 'the AI provider is busy; try again shortly', { 'Retry-After': String(Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : 30) });
  }
  throw new AgentError(502, `the AI provider failed (HTTP ${res.status})`);
}
