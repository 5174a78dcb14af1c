import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AgentError } from './AgentError.ts';
import { completion, completionChunk, completionId } from './completionShapes.ts';
import type { Reply } from './Reply.ts';
import { estimateTokens } from './tokenize.ts';

/**
 * Streams a reply as Tiny Talk does: data-only `chat.completion.chunk` events (the first carries the role,
 * the last `finish_reason: "stop"`), `data: [DONE]`, then `event: message_payload` with the cited resources.
 * A failure after the headers went out is sent as `event: error` with `{code, message}` and no [DONE].
 * @param stop - aborted when the client goes away; the reply's producer listens to the same signal
 * @param extensions - default mode: the payload says `handover: true` when the visitor asked for a person
 */
export function streamReply(c: Context, reply: Reply, stop: AbortController, extensions = true) {
  const head = { id: completionId(), created: Math.floor(Date.now() / 1000), model: reply.model };
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => stop.abort());
    const send = (data: unknown) => stream.writeSSE({ data: JSON.stringify(data) });
    await send(completionChunk(head, { role: 'assistant', content: '' }, null));
    try {
      for await (const token of reply.tokens) {
        if (stop.signal.aborted) return;
        await send(completionChunk({ ...head, model: reply.model }, { content: token }, null));
      }
    } catch (err) {
      if (stop.signal.aborted) return;
      if (!(err instanceof AgentError)) console.error(err);
      const failure = err instanceof AgentError ? err : new AgentError(500, 'internal error');
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: failure.status, message: failure.message }) });
      return;
    }
    if (stop.signal.aborted) return;
    await send(completionChunk({ ...head, model: reply.model }, {}, 'stop'));
    await stream.writeSSE({ data: '[DONE]' });
    // `handover` is ours, beside the seed's citedResources: a strict (hosted) server sends the seed's payload only.
    const payload = extensions && reply.handover === true ? { citedResources: reply.cited, handover: true } : { citedResources: reply.cited };
    await stream.writeSSE({ event: 'message_payload', data: JSON.stringify(payload) });
  });
}

/**
 * Collects a reply into the seed's `stream: false` JSON. `usage` is the model's own count when it gave one,
 * else an estimate of 4 characters a token.
 */
export async function collectReply(c: Context, reply: Reply, promptText: string) {
  let content = '';
  for await (const token of reply.tokens) content += token;
  const usage = reply.usage() ?? { prompt_tokens: estimateTokens(promptText), completion_tokens: estimateTokens(content) };
  const head = { id: completionId(), created: Math.floor(Date.now() / 1000), model: reply.model };
  return c.json(completion(head, content, usage, reply.cited));
}
