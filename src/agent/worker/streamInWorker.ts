/// <reference path="./workerUrl.d.ts" />
import type { CompletionResult, StreamCompletionOptions } from '../streamCompletion.ts';
import type { StartStream, StreamEvent } from './protocol.ts';
import { reviveError } from './serializeError.ts';
import { startStreamWorker } from './startStreamWorker.ts';
import workerUrl from './sseWorker.ts?worker&url';

/** Once a worker failed to start on this page (a CSP without `worker-src` for it), later replies do not try again. */
let workersBlocked = false;

/** Options of {@link streamInWorker}: a completion's, with tokens already batched by the worker. */
export interface StreamInWorkerOptions extends Omit<StreamCompletionOptions, 'onToken' | 'fetch'> {
  /** Gets the batched tokens (see `createTokenBatcher`). */
  onTokens: (text: string) => void;
  throttleMs: number;
}

/**
 * Streams an agent reply through the stream worker (`sseWorker.ts`), which fetches and reads it off the main
 * thread. Resolves and rejects as `streamCompletion` does, with the same error classes. Returns null when no
 * worker can start here; the caller then reads on the main thread. `onFallback` is called instead of anything
 * else if the worker is blocked after it was created (the request was never sent).
 */
export function streamInWorker(options: StreamInWorkerOptions, onFallback: () => Promise<CompletionResult>): Promise<CompletionResult> | null {
  if (workersBlocked) return null;
  const worker = startStreamWorker(workerUrl);
  if (worker === null) return null;
  const { signal } = options;
  return new Promise<CompletionResult>((resolve, reject) => {
    let text = '';
    let ready = false;
    const end = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    // Stopping ends the worker, which cancels its request at once.
    const abort = (): void => {
      end();
      reject(signal?.reason);
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      if (ready) return reject(reviveError({ kind: 'bad-stream', message: 'The assistant ran into a problem. Please try again.', fields: {} }));
      workersBlocked = true;
      onFallback().then(resolve, reject);
    };
    worker.onmessage = ({ data }: MessageEvent<StreamEvent>) => {
      switch (data.type) {
        case 'ready': {
          ready = true;
          const start: StartStream = { type: 'start', agentUrl: options.agentUrl, botId: options.botId, messages: options.messages, headers: options.headers, throttleMs: options.throttleMs };
          worker.postMessage(start);
          return;
        }
        case 'tokens':
          text += data.text;
          options.onTokens(data.text);
          return;
        case 'done':
          options.onDone?.();
          return;
        case 'result':
          end();
          resolve({ text, sources: data.sources });
          return;
        case 'error':
          end();
          reject(reviveError(data.error));
      }
    };
  });
}
