/// <reference path="./workerUrl.d.ts" />
import type { CompletionResult, StreamCompletionOptions } from '../streamCompletion.ts';
import type { StartStream, StopStream, StreamEvent } from './protocol.ts';
import { unexpectedAgentError } from '../../errors/AgentError.ts';
import { reviveError } from './serializeError.ts';
import { startStreamWorker } from './startStreamWorker.ts';
// The bundler's URL of the worker's own script (declared in workerUrl.d.ts), not the module's default export.
// oxlint-disable-next-line import/default
import workerUrl from './sseWorker.ts?worker&url';

/** Options of {@link StreamWorkerClient.stream}: a completion's, with tokens already batched by the worker. */
export interface StreamInWorkerOptions extends Omit<StreamCompletionOptions, 'onToken' | 'fetch'> {
  /** Gets the batched tokens (see `createTokenBatcher`). */
  onTokens: (text: string) => void;
  throttleMs: number;
}

/** The page's side of the stream worker. */
export interface StreamWorkerClient {
  /** Starts the worker now (at idle, before the first question), so asking costs the page no worker start-up. */
  prewarm(): void;
  /**
   * Streams an agent reply through the worker. Resolves and rejects as `streamCompletion` does, with the same
   * error classes. Returns null when no worker can run here; the caller then reads on the main thread.
   * `onFallback` is used instead if the worker turns out to be blocked (its request was never sent).
   */
  stream(options: StreamInWorkerOptions, onFallback: () => Promise<CompletionResult>): Promise<CompletionResult> | null;
  dispose(): void;
}

interface Pending {
  options: StreamInWorkerOptions;
  text: string;
  resolve(result: CompletionResult): void;
  reject(error: unknown): void;
  fallback(): Promise<CompletionResult>;
  abort(): void;
}

/**
 * One stream worker for the page, kept for all its replies (starting a worker costs the page ~8 ms of main-thread
 * time, stopping one ~3 ms). Requests are tagged by id; stopping one aborts its fetch inside the worker.
 */
export function createStreamWorkerClient(url: string = workerUrl): StreamWorkerClient {
  let worker: Worker | null | undefined;
  // A page whose policy blocks the worker (a CSP without `worker-src` or `script-src` for it) says so once.
  let blocked = false;
  let ready = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const queued: StartStream[] = [];

  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    pending.delete(id);
    entry?.options.signal?.removeEventListener('abort', entry.abort);
    return entry;
  };

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    worker = startStreamWorker(url);
    if (worker === null) return null;
    worker.onerror = (event) => {
      event.preventDefault();
      if (ready) {
        // The worker died with requests running: each ends as a failed reply, and the next question starts anew.
        for (const id of [...pending.keys()]) settle(id)?.reject(unexpectedAgentError());
        worker?.terminate();
        worker = undefined;
        ready = false;
        return;
      }
      blocked = true;
      worker?.terminate();
      worker = null;
      queued.length = 0;
      for (const id of [...pending.keys()]) {
        const entry = settle(id);
        entry?.fallback().then(entry.resolve, entry.reject);
      }
    };
    worker.onmessage = ({ data }: MessageEvent<StreamEvent>) => {
      if (data.type === 'ready') {
        ready = true;
        for (const message of queued.splice(0)) worker?.postMessage(message);
        return;
      }
      const entry = pending.get(data.id);
      if (!entry) return;
      switch (data.type) {
        case 'tokens':
          entry.text += data.text;
          entry.options.onTokens(data.text);
          return;
        case 'done':
          entry.options.onDone?.();
          return;
        case 'result':
          settle(data.id)?.resolve({ text: entry.text, sources: data.sources, ...(data.handover === true ? { handover: true } : {}) });
          return;
        case 'error':
          settle(data.id)?.reject(reviveError(data.error));
      }
    };
    return worker;
  };

  return {
    prewarm() {
      if (!blocked) start();
    },
    stream(options, fallback) {
      if (blocked || start() === null) return null;
      const id = nextId++;
      const { signal } = options;
      return new Promise<CompletionResult>((resolve, reject) => {
        const abort = (): void => {
          if (!pending.has(id)) return;
          settle(id);
          const stop: StopStream = { type: 'stop', id };
          const waiting = queued.findIndex((m) => m.id === id);
          if (waiting >= 0) queued.splice(waiting, 1);
          else worker?.postMessage(stop);
          reject(signal?.reason);
        };
        pending.set(id, { options, text: '', resolve, reject, fallback, abort });
        if (signal?.aborted) return abort();
        signal?.addEventListener('abort', abort, { once: true });
        const message: StartStream = {
          type: 'start',
          id,
          agentUrl: options.agentUrl,
          botId: options.botId,
          messages: options.messages,
          headers: options.headers,
          throttleMs: options.throttleMs,
        };
        if (ready) worker?.postMessage(message);
        else queued.push(message);
      });
    },
    dispose() {
      for (const id of [...pending.keys()]) settle(id);
      worker?.terminate();
      worker = undefined;
      ready = false;
    },
  };
}

let shared: StreamWorkerClient | undefined;

/** The page's stream worker, shared by every widget on it (requests are tagged, so they do not mix). */
export function streamWorker(): StreamWorkerClient {
  shared ??= createStreamWorkerClient();
  return shared;
}
