import WebSocket from 'ws';

/** A decoded server frame as a vsn 2.0.0 text array, or the raw bytes of a binary one. */
export type RawFrame = [string | null, string | null, string, string, any] | Buffer; // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads are inspected loosely in tests

/** A bare `ws` client speaking the vsn 2.0.0 protocol by hand, for what supabase-js hides (close codes, refusals). */
export interface RawSocket {
  ws: WebSocket;
  frames: RawFrame[];
  closed: { code: number; reason: string } | undefined;
  send(frame: [string | null, string | null, string, string, unknown]): void;
  /** Sends phx_join for `channel` and resolves with the reply's payload. */
  join(channel: string, ref?: string, broadcast?: { ack?: boolean; self?: boolean }): Promise<{ status: string; response: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
  /** Pushes a broadcast and resolves with the reply (join with `ack: true` first). */
  push(channel: string, event: string, payload: unknown, ref: string): Promise<{ status: string; response: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
}

/** Opens a socket to `/realtime/v1/websocket` (resolves once open; rejects with the HTTP status if refused). */
export function rawSocket(baseUrl: string, apikey: string): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${encodeURIComponent(apikey)}&vsn=2.0.0`);
  const raw: RawSocket = {
    ws,
    frames: [],
    closed: undefined,
    send: (frame) => ws.send(JSON.stringify(frame)),
    join: (channel, ref = '1', broadcast = {}) => {
      const reply = replyTo(ref);
      raw.send([ref, ref, `realtime:${channel}`, 'phx_join', { config: { broadcast: { ack: false, self: false, ...broadcast } } }]);
      return reply;
    },
    push: (channel, event, payload, ref) => {
      const reply = replyTo(ref);
      raw.send(['1', ref, `realtime:${channel}`, 'broadcast', { type: 'broadcast', event, payload }]);
      return reply;
    },
  };
  const replyTo = (ref: string) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    new Promise<{ status: string; response: any }>((resolve) => {
      const onMessage = (data: Buffer, binary: boolean) => {
        if (binary) return;
        const [, r, , event, payload] = JSON.parse(data.toString()) as [unknown, unknown, unknown, string, { status: string; response: unknown }];
        if (r === ref && event === 'phx_reply') {
          ws.off('message', onMessage);
          resolve(payload);
        }
      };
      ws.on('message', onMessage);
    });
  ws.on('message', (data: Buffer, binary: boolean) => void raw.frames.push(binary ? data : (JSON.parse(data.toString()) as RawFrame)));
  ws.on('close', (code, reason) => (raw.closed = { code, reason: reason.toString() }));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(raw));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body })));
    });
    ws.once('error', (err) => reject(err));
  });
}

/**
 * Pushes 200 KB broadcasts on `channel` through a socket of its own (acked one by one, so the server is never
 * flooded faster than it fans out) until `done()` holds; returns how many it sent.
 */
export async function flood(baseUrl: string, channel: string, done: () => boolean, max = 1000): Promise<number> {
  const publisher = await rawSocket(baseUrl, 'rt_anon_demo');
  try {
    if ((await publisher.join(channel, '1', { ack: true })).status !== 'ok') throw new Error('publisher could not join');
    const big = 'z'.repeat(200_000);
    let sent = 0;
    while (!done()) {
      if (sent === max) throw new Error(`still not done after ${max} broadcasts`);
      const reply = await publisher.push(channel, 'blob', { n: ++sent, big }, `p${sent}`);
      if (reply.status !== 'ok') throw new Error(`push refused: ${JSON.stringify(reply)}`);
    }
    return sent;
  } finally {
    publisher.ws.close();
  }
}
