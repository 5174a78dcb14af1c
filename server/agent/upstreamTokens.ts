import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';
import { AgentError } from './AgentError.ts';
import type { Usage } from './Reply.ts';

interface ChunkJson {
  model?: unknown;
  choices?: { delta?: { content?: unknown }; message?: { content?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
  error?: { message?: unknown };
}

/** What the upstream told us besides the text, filled in as its stream is read. */
export interface UpstreamMeta {
  model?: string;
  usage?: Usage;
}

/**
 * Reads an upstream chat completion (SSE chunks, or a plain JSON completion from a server that ignored
 * `stream: true`) and yields its content pieces.
 * @throws AgentError 502 on a malformed stream, an error event, or a stream cut off before it finished
 */
export async function* upstreamTokens(res: Response, meta: UpstreamMeta): AsyncGenerator<string> {
  if (res.body === null) throw new AgentError(502, 'the AI provider sent an empty answer');
  if ((res.headers.get('content-type') ?? '').includes('application/json')) {
    const json = (await res.json().catch(() => null)) as ChunkJson | null;
    const content = json?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new AgentError(502, 'the AI provider sent a malformed answer');
    note(json as ChunkJson, meta);
    yield content;
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  let finished = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<EventSourceMessage>;
      try {
        next = await reader.read();
      } catch {
        throw new AgentError(502, 'the AI provider broke off the answer');
      }
      const { done, value: event } = next;
      if (done) break;
      if (event.data === '[DONE]') return;
      let chunk: ChunkJson;
      try {
        chunk = JSON.parse(event.data) as ChunkJson;
      } catch {
        throw new AgentError(502, 'the AI provider sent a malformed stream');
      }
      if (chunk.error !== undefined) throw new AgentError(502, 'the AI provider failed while answering');
      note(chunk, meta);
      const choice = chunk.choices?.[0];
      if (typeof choice?.delta?.content === 'string' && choice.delta.content !== '') yield choice.delta.content;
      if (typeof choice?.finish_reason === 'string') finished = true;
    }
  } finally {
    // Done, failed, or the reader went away: release the upstream connection instead of reading on.
    await reader.cancel().catch(() => undefined);
  }
  // Some servers omit [DONE]; a finish_reason is enough. Neither means the connection broke mid-answer.
  if (!finished) throw new AgentError(502, 'the AI provider closed the stream before the answer was complete');
}

function note(chunk: ChunkJson, meta: UpstreamMeta) {
  if (typeof chunk.model === 'string' && chunk.model !== '') meta.model = chunk.model;
  const u = chunk.usage;
  if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') {
    meta.usage = { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens };
  }
}
