import type { Broadcast } from './Frame.ts';

/**
 * NOTIFY payloads must be shorter than 8000 bytes. A broadcast that fits goes whole (`w`); a bigger one is
 * split into `c` chunks that are sent in the same transaction, so they arrive together and in order.
 * Chunking was chosen over storing the payload in a table and notifying its id: no table to clean up, no extra
 * query in every listening process per broadcast, and nothing to lose if a row is cleaned up too early.
 */
const MAX_NOTIFY_BYTES = 7900;
const CHUNK_CHARS = 7800;
/** Parts of a chunked broadcast that never completed (a listener reconnected mid-way) are forgotten after this. */
const STALE_MS = 30_000;

/**
 * Encodes a broadcast as one or more NOTIFY payloads. Every payload is distinct (`origin`, `seq`), which also
 * matters because Postgres folds identical notifications sent in one transaction into one.
 * @param origin - this process's id, so it can skip its own broadcasts (it delivered them already)
 * @param seq - increases per broadcast
 */
export function encodeRelay(origin: string, seq: number, b: Broadcast): string[] {
  const binary = typeof b.body !== 'string';
  // JSON.stringify escapes control characters, so the header has no newline and no NUL (NOTIFY refuses NUL).
  const header = JSON.stringify([origin, seq, b.key, b.topic, b.event, binary ? 0 : 1]);
  const text = `${header}\n${typeof b.body === 'string' ? b.body : Buffer.from(b.body).toString('base64')}`;
  if (Buffer.byteLength(text) <= MAX_NOTIFY_BYTES) return [`w${text}`];
  // Base64 of the UTF-8 bytes: chunk boundaries then never split a character.
  const data = Buffer.from(text).toString('base64');
  const count = Math.ceil(data.length / CHUNK_CHARS);
  return Array.from({ length: count }, (_, i) => `c${origin} ${seq} ${i} ${count}\n${data.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS)}`);
}

/** Turns NOTIFY payloads back into broadcasts, skipping this process's own and reassembling chunks. */
export class RelayDecoder {
  private readonly partial = new Map<string, { parts: string[]; got: number; at: number }>();

  constructor(private readonly origin: string) {}

  /** The broadcast a payload completes, or undefined (own, partial or unreadable). */
  push(payload: string): Broadcast | undefined {
    const nl = payload.indexOf('\n');
    if (nl < 0) return undefined;
    if (payload[0] === 'w') return this.whole(payload.slice(1, nl), payload.slice(nl + 1));
    if (payload[0] !== 'c') return undefined;
    const [origin, seq, index, count] = payload.slice(1, nl).split(' ');
    if (origin === this.origin || origin === undefined) return undefined;
    const id = `${origin} ${seq}`;
    const n = Number(count);
    const i = Number(index);
    let entry = this.partial.get(id);
    if (entry === undefined) {
      this.forgetStale();
      entry = { parts: Array.from({ length: n }, () => ''), got: 0, at: Date.now() };
      this.partial.set(id, entry);
    }
    if (!(i >= 0 && i < entry.parts.length) || entry.parts[i] !== '') return undefined;
    entry.parts[i] = payload.slice(nl + 1);
    if (++entry.got < entry.parts.length) return undefined;
    this.partial.delete(id);
    const text = Buffer.from(entry.parts.join(''), 'base64').toString('utf8');
    const inner = text.indexOf('\n');
    return inner < 0 ? undefined : this.whole(text.slice(0, inner), text.slice(inner + 1));
  }

  private whole(headerText: string, bodyText: string): Broadcast | undefined {
    try {
      const [origin, , key, topic, event, json] = JSON.parse(headerText) as [string, number, string, string, string, 0 | 1];
      if (origin === this.origin) return undefined;
      return { key, topic, event, body: json === 1 ? bodyText : new Uint8Array(Buffer.from(bodyText, 'base64')) };
    } catch {
      return undefined;
    }
  }

  private forgetStale(): void {
    const cutoff = Date.now() - STALE_MS;
    for (const [id, e] of this.partial) if (e.at < cutoff) this.partial.delete(id);
  }
}
