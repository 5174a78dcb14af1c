import type { Message } from '../transport/types.ts';
import type { OutboxEntry } from './createOutbox.ts';

/**
 * How the outbox gets one entry stored: resolves with the stored message, or null when another tab already
 * settled the entry (its message reaches this tab through realtime or history). Rejects like the transport.
 * `signal` aborts a send stuck on a dead connection so it can start again; a delivery that cannot send twice
 * safely (no Idempotency-Key) ignores it.
 */
export type Delivery = (entry: OutboxEntry, signal?: AbortSignal) => Promise<Message | null>;
