import { describe, expect, it } from 'vitest';
import type { Broadcast } from '../../server/realtime/Frame.ts';
import { encodeRelay, RelayDecoder } from '../../server/realtime/relayCodec.ts';

const other = new RelayDecoder('process-b');
const roundTrip = (b: Broadcast, seq = 1) => {
  const payloads = encodeRelay('process-a', seq, b);
  return { payloads, out: payloads.map((p) => other.push(p)) };
};

describe('the NOTIFY encoding between processes', () => {
  it('sends a small broadcast as one notification', () => {
    const b: Broadcast = { key: 'conv:c1', topic: 'conv:c1', event: 'message', body: '{"message":{"body":"hi"}}' };
    const { payloads, out } = roundTrip(b);
    expect(payloads).toHaveLength(1);
    expect(out).toEqual([b]);
  });

  it('splits a big one into notifications under 8000 bytes and joins them, multi-byte text intact', () => {
    const b: Broadcast = { key: 't|lobby', topic: 'lobby', event: 'e\n"x"', body: JSON.stringify({ text: 'ü🚚\u0000'.repeat(5000) }) };
    const { payloads, out } = roundTrip(b, 2);
    expect(payloads.length).toBeGreaterThan(3);
    for (const p of payloads) {
      expect(Buffer.byteLength(p)).toBeLessThan(8000);
      expect(p.includes('\u0000')).toBe(false); // NOTIFY refuses NUL
    }
    expect(out.slice(0, -1).every((x) => x === undefined)).toBe(true);
    expect(out.at(-1)).toEqual(b);
  });

  it('carries raw bytes, whole or chunked', () => {
    for (const size of [10, 30_000]) {
      const b: Broadcast = { key: 'conv:c1', topic: 'conv:c1', event: 'bytes', body: new Uint8Array(size).map((_, i) => (i * 7) % 256) };
      expect(roundTrip(b, 3 + size).out.at(-1)).toEqual(b);
    }
  });

  it('skips what this process sent itself, and payloads it cannot read', () => {
    const self = new RelayDecoder('process-a');
    const big: Broadcast = { key: 'k', topic: 't', event: 'e', body: JSON.stringify('z'.repeat(20_000)) };
    for (const p of [...encodeRelay('process-a', 1, big), ...encodeRelay('process-a', 2, { ...big, body: '{}' })]) expect(self.push(p)).toBeUndefined();
    expect(self.push('garbage')).toBeUndefined();
    expect(self.push('w[not json\n{}')).toBeUndefined();
  });

  it('makes identical broadcasts distinct notifications (Postgres folds duplicates in one transaction)', () => {
    const b: Broadcast = { key: 'conv:c1', topic: 'conv:c1', event: 'typing', body: '{}' };
    expect(encodeRelay('process-a', 1, b)).not.toEqual(encodeRelay('process-a', 2, b));
  });
});
