import type { Broadcast, Frame, Vsn } from './Frame.ts';

const KIND_USER_BROADCAST = 4;

/**
 * A server frame as the text the socket's serializer expects (sent as a Buffer, so ws does not convert it
 * again per socket).
 */
export function encodeFrame(vsn: Vsn, f: Frame): Buffer {
  const text =
    vsn === '2.0.0'
      ? JSON.stringify([f.joinRef, f.ref, f.topic, f.event, f.payload])
      : JSON.stringify({ topic: f.topic, event: f.event, payload: f.payload, ref: f.ref, join_ref: f.joinRef });
  return Buffer.from(text);
}

/**
 * vsn 2.0.0 broadcast, kind 4: `[4][topicLen][eventLen][metaLen][encoding]` then topic, event, meta, payload.
 * The client turns it into `{type: 'broadcast', event, payload}` for the channel `topic`.
 * Callers keep topic and event under 256 bytes (checked where broadcasts enter).
 */
export function encodeBroadcastV2(b: Broadcast): Buffer {
  const topic = Buffer.from(`realtime:${b.topic}`);
  const event = Buffer.from(b.event);
  const body = typeof b.body === 'string' ? Buffer.from(b.body) : b.body;
  const out = Buffer.allocUnsafe(5 + topic.length + event.length + body.length);
  out[0] = KIND_USER_BROADCAST;
  out[1] = topic.length;
  out[2] = event.length;
  out[3] = 0; // no meta
  out[4] = typeof b.body === 'string' ? 1 : 0;
  topic.copy(out, 5);
  event.copy(out, 5 + topic.length);
  out.set(body, 5 + topic.length + event.length);
  return out;
}

/**
 * vsn 1.0.0 broadcast as a JSON object, or undefined for raw bytes (vsn 1.0.0 only reads text).
 * The payload is spliced in as the JSON text it already is.
 */
export function encodeBroadcastV1(b: Broadcast): Buffer | undefined {
  if (typeof b.body !== 'string') return undefined;
  const head = `{"topic":${JSON.stringify(`realtime:${b.topic}`)},"event":"broadcast","payload":{"type":"broadcast","event":${JSON.stringify(b.event)},"payload":`;
  return Buffer.from(`${head}${b.body}},"ref":null,"join_ref":null}`);
}
