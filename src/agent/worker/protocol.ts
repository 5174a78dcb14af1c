import type { CitedResource } from '../types.ts';
import type { SerializedError } from './serializeError.ts';

/** What the page sends the stream worker: one request per worker (stopping it is `terminate()`). */
export interface StartStream {
  type: 'start';
  agentUrl: string;
  botId: string;
  messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[];
  headers?: Record<string, string>;
  throttleMs: number;
}

/** What the stream worker sends back, in this order: ready, tokens…, done, then result or error. */
export type StreamEvent =
  | { type: 'ready' }
  | { type: 'tokens'; text: string }
  | { type: 'done' }
  | { type: 'result'; sources: CitedResource[] }
  | { type: 'error'; error: SerializedError };
