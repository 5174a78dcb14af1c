import type { Message } from '../transport/types.ts';
import type { OutboxEntry } from './createOutbox.ts';

/**
 * How the outbox gets one entry stored: resolves with the stored message, or null when another tab already
 * settled the entry (its message reaches this tab through realtime or history). Rejects like the transport.
 */
export type Delivery = (entry: OutboxEntry) => Promise<Message | null>;
