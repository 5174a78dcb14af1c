/**
 * The stream worker: fetches one agent reply and reads its SSE off the page's main thread. Receiving 2,000 network
 * chunks and parsing 2,000 events costs a page hundreds of milliseconds of main-thread time before anything is
 * drawn (BENCHMARKS.md); here it costs the page ~60 messages, already batched (`createTokenBatcher`).
 * Built as a classic script of its own (`dist/chunks/sseWorker-*.js`); see `startStreamWorker`.
 */
import { createTokenBatcher } from '../createTokenBatcher.ts';
import { streamCompletion } from '../streamCompletion.ts';
import type { StartStream, StreamEvent } from './protocol.ts';
import { serializeError } from './serializeError.ts';

// The DOM lib has no worker scope type; this is the part of it used here.
const scope = globalThis as unknown as {
  postMessage(event: StreamEvent): void;
  onmessage: ((event: MessageEvent<StartStream>) => void) | null;
};

scope.onmessage = ({ data }) => {
  if (data.type !== 'start') return;
  scope.onmessage = null;
  const batcher = createTokenBatcher({ throttleMs: data.throttleMs, emit: (text) => scope.postMessage({ type: 'tokens', text }) });
  streamCompletion({
    agentUrl: data.agentUrl,
    botId: data.botId,
    messages: data.messages,
    headers: data.headers,
    onToken: batcher.push,
    onDone: () => {
      batcher.flush();
      scope.postMessage({ type: 'done' });
    },
  }).then(
    ({ sources }) => {
      batcher.flush();
      scope.postMessage({ type: 'result', sources });
    },
    (error: unknown) => {
      batcher.flush();
      scope.postMessage({ type: 'error', error: serializeError(error) });
    },
  );
};
scope.postMessage({ type: 'ready' });
