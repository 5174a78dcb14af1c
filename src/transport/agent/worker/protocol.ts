import type { CitedResource } from '../types.ts';
import type { SerializedError } from './serializeError.ts';

/** Starts one reply's request in the stream worker; `id` tags everything the worker sends back about it. */
export interface StartStream {
  type: 'start';
  id: number;
  agentUrl: string;
  botId: string;
  messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[];
  headers?: Record<string, string>;
  throttleMs: number;
}

/** Cancels that reply's request ("Stop generating", or a newer question). */
export interface StopStream {
  type: 'stop';
  id: number;
}

/** What the stream worker sends back: `ready` once, then per reply tokens…, done, and result or error. */
export type StreamEvent =
  | { type: 'ready' }
  | { type: 'tokens'; id: number; text: string }
  | { type: 'done'; id: number }
  | { type: 'result'; id: number; sources: CitedResource[] }
  | { type: 'error'; id: number; error: SerializedError };
