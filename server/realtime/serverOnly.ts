/**
 * Why a client may not broadcast `event` on channel `topic` (without `realtime:`), or undefined when it may.
 * Only the server announces what was stored: `message` and `read` on `conv:` channels (a client could otherwise
 * show others a message never sent, or a "Seen" nobody saw), and anything on a user's own `user:` channel.
 */
export function serverOnly(topic: string, event: string): string | undefined {
  const name = event.toLowerCase();
  if (topic.startsWith('conv:') && (name === 'message' || name === 'read')) return `'${name}' on conv: channels comes from the server only`;
  if (topic.startsWith('user:')) return "user: channels carry the server's events only";
  return undefined;
}
