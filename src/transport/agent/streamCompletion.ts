import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { AgentError } from '../errors/AgentError.ts';
import { AgentNetworkError } from '../errors/AgentNetworkError.ts';
import { errorSentence } from './errorSentence.ts';
import { readErrorResponse } from './readErrorResponse.ts';
import { readSources } from './readSources.ts';
import type { ChatMessage, CitedResource } from './types.ts';

/** Options of {@link streamCompletion}. */
export interface StreamCompletionOptions {
  /** Base URL of the agent API, e.g. `https://api.tinytalk.ai` or the local server's origin. */
  agentUrl: string;
  botId: string;
  /** The whole conversation so far, oldest first; the last one is the person's new message. */
  messages: readonly ChatMessage[];
  /** Called once per content delta, in order. */
  onToken: (token: string) => void;
  /** Called when `data: [DONE]` arrives (the text is complete; sources may still follow). */
  onDone?: () => void;
  /** Aborting it cancels the request or the body stream ("Stop generating"). */
  signal?: AbortSignal;
  /** @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Extra request headers (e.g. a user id for per-user rate limits). `api-key` and `authorization`
   * are refused: agent keys are secret and never leave a server (seed: tinytalk-api-overview).
   */
  headers?: Record<string, string>;
}

/** What a finished reply resolves to. */
export interface CompletionResult {
  text: string;
  sources: CitedResource[];
}

/**
 * POSTs to `{agentUrl}/v1/chat/completions` with `stream: true` and reads the SSE reply: one
 * `onToken` per `choices[0].delta.content`, then `[DONE]`, then the `message_payload` event's sources.
 *
 * Rejects with an {@link AgentRateLimitError} (429), an {@link AgentHttpError} (other statuses), an
 * {@link AgentNetworkError}, an {@link AgentError} of kind `cut-off` when the stream ends before `[DONE]`,
 * or the signal's reason when aborted.
 *
 * @example
 * const stop = new AbortController();
 * const { text, sources } = await streamCompletion({ agentUrl, botId: 'demo-bot', messages,
 *   onToken: (t) => model.append(t), signal: stop.signal });
 */
export async function streamCompletion(options: StreamCompletionOptions): Promise<CompletionResult> {
  const { signal } = options;
  const headers = new Headers(options.headers);
  if (headers.has('api-key') || headers.has('authorization')) {
    throw new AgentError('refused', 'An agent API key is secret and is never sent from the browser; use a public agent or call it from your server.');
  }
  headers.set('content-type', 'application/json');
  headers.set('accept', 'text/event-stream');
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = `${options.agentUrl.replace(/\/+$/, '')}/v1/chat/completions`;
  const body = JSON.stringify({ botId: options.botId, messages: options.messages, stream: true });

  let response: Response;
  try {
    response = await doFetch(url, { method: 'POST', headers, body, signal });
  } catch (error) {
    throw signal?.aborted ? signal.reason : new AgentNetworkError(error);
  }
  if (!response.ok) throw await readErrorResponse(response);
  if (!response.body) throw new AgentError('bad-stream', 'The assistant sent an empty reply.');
  return readReply(response.body, options);
}

async function readReply(body: ReadableStream<Uint8Array>, options: StreamCompletionOptions): Promise<CompletionResult> {
  const { signal } = options;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let sources: CitedResource[] = [];
  let done = false;
  let finished = false;
  let failure: AgentError | undefined;

  const onEvent = (event: EventSourceMessage): void => {
    if (failure || finished) return;
    if (event.event === 'message_payload') {
      sources = readSources(parseJson(event.data));
      finished = done;
      return;
    }
    if (event.event === 'error') {
      // The local server's way to fail after the headers went out: `event: error` with `{code, message}`.
      failure = new AgentError('bad-stream', errorSentence(500, parseJson(event.data)).message);
      return;
    }
    if (event.data === '[DONE]') {
      done = true;
      options.onDone?.();
      return;
    }
    const chunk = parseJson(event.data) as { choices?: { delta?: { content?: unknown } }[]; error?: unknown; message?: unknown } | undefined;
    if (chunk === undefined) {
      failure = new AgentError('bad-stream', 'The assistant sent a reply the widget could not read.');
      return;
    }
    if (chunk.error !== undefined || (chunk.choices === undefined && chunk.message !== undefined)) {
      failure = new AgentError('bad-stream', errorSentence(500, chunk).message);
      return;
    }
    const content = chunk.choices?.[0]?.delta?.content;
    if (typeof content === 'string' && content !== '') {
      text += content;
      options.onToken(content);
    }
  };
  const parser = createParser({ onEvent });
  const cancel = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });

  try {
    if (signal?.aborted) cancel();
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw new AgentNetworkError(error);
      }
      if (signal?.aborted) throw signal.reason;
      if (result.done) {
        parser.feed(decoder.decode());
        break;
      }
      parser.feed(decoder.decode(result.value, { stream: true }));
      if (failure) throw failure;
      if (finished) {
        // The payload is the last thing the agent sends; do not wait on a connection left open.
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    if (failure) throw failure;
    if (!done) throw new AgentError('cut-off', 'The reply was cut off. Please try again.');
    return { text, sources };
  } catch (error) {
    if (!signal?.aborted) await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
