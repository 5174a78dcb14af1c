import type { LiveEvent, Message } from './types.ts';

/**
 * Turns a broadcast's inner payload into a {@link LiveEvent}, or undefined when it is not one. Payloads come
 * from the network, so their shape is checked rather than trusted (a malformed one is dropped, not rendered).
 *
 * @param event - the broadcast event name: `message`, `typing`, `read` (our extension) or `conversation` (on `user:`)
 * @param payload - `{message}`, `{senderId, senderName}`, a read position with `unread_count`, `{conversation_id}`
 */
export function toLiveEvent(event: string, payload: unknown): LiveEvent | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  if (event === 'message') {
    const message = (payload as { message?: unknown }).message;
    if (!isMessage(message)) return undefined;
    return { type: 'message', message };
  }
  if (event === 'typing') {
    const { senderId, senderName } = payload as { senderId?: unknown; senderName?: unknown };
    if (typeof senderId !== 'string' || senderId === '') return undefined;
    return { type: 'typing', senderId, senderName: typeof senderName === 'string' && senderName !== '' ? senderName : null };
  }
  return event === 'read' || event === 'conversation' ? { type: event, payload } : undefined;
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Record<keyof Message, unknown>>;
  return typeof m.id === 'string' && typeof m.conversation_id === 'string' && typeof m.sender_id === 'string' && typeof m.created_at === 'string';
}
