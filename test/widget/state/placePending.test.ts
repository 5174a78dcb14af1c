import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../../src/state/messageOrder.ts';
import { placePending } from '../../../src/state/placePending.ts';
import type { SendStatus, ThreadItem } from '../../../src/state/types.ts';

const row = (id: string, at: string, status: SendStatus): ThreadItem => ({
  key: id,
  message: normalizeMessage({ id, conversation_id: 'c', sender_id: 'u', created_at: at, body: id }),
  status,
  mine: true,
  error: null,
});

describe('placePending', () => {
  it('puts each unsent row at the time it was written, keeping their written order, newer sent rows below', () => {
    const sent = [row('s1', '2026-01-01T10:00:00.000001Z', 'sent'), row('s2', '2026-01-01T10:05:00.123456Z', 'sent'), row('s3', '2026-01-01T11:00:00Z', 'sent')];
    const unsent = [row('f1', '2026-01-01T10:01:00.000Z', 'failed'), row('p1', '2026-01-01T10:01:00.000Z', 'pending'), row('p2', '2026-01-01T12:00:00.000Z', 'pending')];
    expect(placePending(sent, unsent).map((r) => r.key)).toEqual(['s1', 'f1', 'p1', 's2', 's3', 'p2']);
  });

  it('returns the sent rows themselves when nothing waits, and unsent rows alone in order', () => {
    const sent = [row('s1', '2026-01-01T10:00:00Z', 'sent')];
    expect(placePending(sent, [])).toBe(sent);
    const unsent = [row('p1', '2026-01-01T10:00:00Z', 'pending'), row('p2', '2026-01-01T10:00:01Z', 'pending')];
    expect(placePending([], unsent).map((r) => r.key)).toEqual(['p1', 'p2']);
  });

  it('a row written in the same microsecond as a sent one goes after it', () => {
    const sent = [row('s1', '2026-01-01T10:00:00.5Z', 'sent')];
    expect(placePending(sent, [row('p1', '2026-01-01T10:00:00.500Z', 'pending')]).map((r) => r.key)).toEqual(['s1', 'p1']);
  });
});
