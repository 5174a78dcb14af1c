import type { Frame, Vsn } from './Frame.ts';

/** A client broadcast (`channel.send`), with its payload kept as JSON text or raw bytes. */
export interface PushedBroadcast {
  event: string;
  body: string | Uint8Array;
}

/** A decoded client frame; `broadcast` is set for a `broadcast` push of either serializer. */
export type ClientFrame = Frame & { broadcast?: PushedBroadcast };

const KIND_USER_BROADCAST_PUSH = 3;
const JSON_ENCODING = 1;

/**
 * Decodes one client frame, or undefined when it is not a frame of the socket's serializer (the caller
 * ignores those, as the client ignores what it cannot read).
 * @param data - the frame's bytes
 * @param binary - whether it came as a binary frame (only vsn 2.0.0 kind 3 is valid)
 */
export function decodeFrame(data: Buffer, binary: boolean, vsn: Vsn): ClientFrame | undefined {
  try {
    if (binary) return vsn === '2.0.0' ? decodeBroadcastPush(data) : undefined;
    const value: unknown = JSON.parse(data.toString('utf8'));
    const frame = vsn === '2.0.0' ? fromArray(value) : fromObject(value);
    if (frame === undefined) return undefined;
    return withBroadcast(frame);
  } catch {
    return undefined;
  }
}

function fromArray(value: unknown): Frame | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [joinRef, ref, topic, event, payload] = value as unknown[];
  return frame(joinRef, ref, topic, event, payload);
}

function fromObject(value: unknown): Frame | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  return frame(o.join_ref, o.ref, o.topic, o.event, o.payload);
}

function frame(joinRef: unknown, ref: unknown, topic: unknown, event: unknown, payload: unknown): Frame | undefined {
  if (typeof topic !== 'string' || typeof event !== 'string') return undefined;
  return { joinRef: refOf(joinRef), ref: refOf(ref), topic, event, payload: payload ?? {} };
}

// The client sends refs as strings; a number is tolerated, anything else is "no ref".
function refOf(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** A text `broadcast` push: `{type: 'broadcast', event, payload}`. */
function withBroadcast(frame: Frame): ClientFrame {
  if (frame.event !== 'broadcast') return frame;
  const p = frame.payload as Record<string, unknown> | null;
  if (p === null || typeof p !== 'object' || typeof p.event !== 'string') return frame;
  return { ...frame, broadcast: { event: p.event, body: JSON.stringify(p.payload ?? {}) } };
}

/**
 * Kind 3: `[3][joinRefLen][refLen][topicLen][eventLen][metaLen][encoding]` then join_ref, ref, topic, event,
 * meta, payload (realtime-js `lib/serializer.ts`). The header fields are one byte a character there.
 */
function decodeBroadcastPush(data: Buffer): ClientFrame | undefined {
  if (data.length < 7 || data[0] !== KIND_USER_BROADCAST_PUSH) return undefined;
  const lengths = [data[1], data[2], data[3], data[4], data[5]] as number[];
  const encoding = data[6];
  let offset = 7;
  const [joinRef, ref, topic, event] = lengths.map((len) => {
    const s = data.toString('latin1', offset, offset + len);
    offset += len;
    return s;
  }) as [string, string, string, string, string];
  if (offset > data.length || topic === '' || event === '') return undefined;
  const raw = data.subarray(offset);
  let body: string | Uint8Array;
  if (encoding === JSON_ENCODING) {
    body = raw.toString('utf8');
    JSON.parse(body); // throws (frame ignored) when it is not JSON
  } else {
    body = new Uint8Array(raw); // a copy: ws may reuse the frame's buffer
  }
  return { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload: {}, broadcast: { event, body } };
}
