/**
 * The stream worker: fetches agent replies and reads their SSE off the page's main thread. Receiving 2,000 network
 * chunks and parsing 2,000 events costs a page hundreds of milliseconds of main-thread time before anything is
 * drawn (BENCHMARKS.md); here it costs the page ~45 messages, already batched (`createTokenBatcher`).
 * Built as a classic script of its own (`dist/chunks/sseWorker-*.js`); one per widget, started ahead of the first
 * question and kept for the next ones (see `createStreamWorkerClient`).
 */
import { createTokenBatcher } from '../createTokenBatcher.ts';
import { streamCompletion } from '../streamCompletion.ts';
import type { StartStream, StopStream, StreamEvent } from './protocol.ts';
import { serializeError } from './serializeError.ts';

// The DOM lib has no worker scope type; this is the part of it used here.
const scope = globalThis as unknown as {
  postMessage(event: StreamEvent): void;
  onmessage: ((event: MessageEvent<StartStream | StopStream>) => void) | null;
};

const running = new Map<number, AbortController>();

scope.onmessage = ({ data }) => {
  if (data.type === 'stop') {
    running.get(data.id)?.abort();
    running.delete(data.id);
    return;
  }
  const { id } = data;
  const stop = new AbortController();
  running.set(id, stop);
  const batcher = createTokenBatcher({ throttleMs: data.throttleMs, emit: (text) => scope.postMessage({ type: 'tokens', id, text }) });
  streamCompletion({
    agentUrl: data.agentUrl,
    botId: data.botId,
    messages: data.messages,
    headers: data.headers,
    signal: stop.signal,
    onToken: batcher.push,
    onDone: () => {
      batcher.flush();
      scope.postMessage({ type: 'done', id });
    },
  })
    .then(
      ({ sources }) => {
        batcher.flush();
        scope.postMessage({ type: 'result', id, sources });
      },
      (error: unknown) => {
        if (stop.signal.aborted) return;
        batcher.flush();
        scope.postMessage({ type: 'error', id, error: serializeError(error) });
      },
    )
    .finally(() => running.delete(id));
};
scope.postMessage({ type: 'ready' });
