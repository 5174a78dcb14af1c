import type { CitedResource } from '../../../../src/transport/agent/types.ts';
import { seededRandom } from './random.ts';

/** The wire format of one streamed delta, as the seed's OpenAI-style chunks. */
export function tokenEvent(content: string): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
}

/** A whole SSE reply: one event per token, `[DONE]`, then the `message_payload` event. */
export function sseReply(tokens: readonly string[], sources: readonly CitedResource[] = []): string {
  return `${tokens.map(tokenEvent).join('')}data: [DONE]\n\nevent: message_payload\ndata: ${JSON.stringify({ citedResources: sources })}\n\n`;
}

/** What a test can observe about the body it handed out. */
export interface FakeBody {
  stream: ReadableStream<Uint8Array>;
  /** Resolves with the reason when the reader cancels the stream. */
  cancelled: Promise<unknown>;
  /** How many chunks the consumer has pulled so far. */
  pulled(): number;
}

/**
 * The bytes of `text` as a pull stream in random chunk sizes (1 to `maxChunk` bytes), so chunks split
 * lines, JSON and multi-byte UTF-8 characters. With `hangAfter`, the stream stops producing after that many
 * chunks (a server still thinking), which is what abort tests need.
 */
export function chunkedBody(text: string, seed: number, options: { maxChunk?: number; hangAfter?: number; errorAfter?: number } = {}): FakeBody {
  const bytes = new TextEncoder().encode(text);
  const random = seededRandom(seed);
  const maxChunk = options.maxChunk ?? 24;
  let offset = 0;
  let count = 0;
  let onCancel: (reason: unknown) => void = () => undefined;
  const cancelled = new Promise<unknown>((resolve) => (onCancel = resolve));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (options.errorAfter !== undefined && count >= options.errorAfter) {
          controller.error(new TypeError('network connection lost'));
          return undefined;
        }
        if (options.hangAfter !== undefined && count >= options.hangAfter) return new Promise<void>(() => undefined);
        if (offset >= bytes.length) {
          controller.close();
          return undefined;
        }
        const size = 1 + Math.floor(random() * maxChunk);
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
        count++;
        return undefined;
      },
      cancel(reason) {
        onCancel(reason ?? 'cancelled');
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, cancelled, pulled: () => count };
}

/** A recorded request made through {@link fakeFetch}. */
export interface Recorded {
  url: string;
  init: RequestInit;
}

/** A `fetch` that answers every request with `respond()` and records what it was asked. */
export function fakeFetch(respond: () => Response): { fetch: typeof fetch; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    if (init.signal?.aborted) throw init.signal.reason;
    return respond();
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}
