/**
 * Why a client may not broadcast `event` with this payload on the channel of `key`, or undefined when it may
 * (sockets and REST broadcasts alike): `message` on `conv:` channels comes from the server only (a client could
 * otherwise show others a message that was never stored), and `typing` there stays small.
 */
export function clientEventRule(key: string, event: string, body: string | Uint8Array, maxTypingBytes: number): string | undefined {
  if (!key.startsWith('conv:')) return undefined;
  const name = event.toLowerCase();
  if (name === 'message') return "'message' on conv: channels comes from the server only";
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (name === 'typing' && size > maxTypingBytes) return `typing payloads are at most ${maxTypingBytes} bytes`;
  return undefined;
}
