import { randomBytes } from 'node:crypto';
import type { CitedResource } from './CitedResource.ts';
import type { Usage } from './Reply.ts';

/** A fresh `chatcmpl-…` id, as OpenAI and the seed's example shape them. */
export function completionId(): string {
  return `chatcmpl-${randomBytes(18).toString('base64url')}`;
}

/** One `chat.completion.chunk` of a streamed answer. */
export function completionChunk(head: { id: string; created: number; model: string }, delta: { role?: 'assistant'; content?: string }, finishReason: 'stop' | null) {
  return {
    id: head.id,
    object: 'chat.completion.chunk' as const,
    created: head.created,
    model: head.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

/** The whole `chat.completion` of a `stream: false` request, exactly the seed's shape. */
export function completion(head: { id: string; created: number; model: string }, content: string, usage: Usage, cited: CitedResource[]) {
  return {
    id: head.id,
    object: 'chat.completion' as const,
    created: head.created,
    model: head.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null, annotations: [] as never[] },
        logprobs: null,
        finish_reason: 'stop' as const,
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    payload: { citedResources: cited },
  };
}
