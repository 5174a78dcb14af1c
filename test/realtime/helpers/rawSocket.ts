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
  join(channel: string, ref?: string): Promise<{ status: string; response: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
}

/** Opens a socket to `/realtime/v1/websocket` (resolves once open; rejects with the HTTP status if refused). */
export function rawSocket(baseUrl: string, apikey: string): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${encodeURIComponent(apikey)}&vsn=2.0.0`);
  const raw: RawSocket = {
    ws,
    frames: [],
    closed: undefined,
    send: (frame) => ws.send(JSON.stringify(frame)),
    join: (channel, ref = '1') =>
      new Promise((resolve) => {
        const onMessage = (data: Buffer, binary: boolean) => {
          if (binary) return;
          const [, r, , event, payload] = JSON.parse(data.toString()) as [unknown, unknown, unknown, string, { status: string; response: unknown }];
          if (r === ref && event === 'phx_reply') {
            ws.off('message', onMessage);
            resolve(payload);
          }
        };
        ws.on('message', onMessage);
        raw.send([ref, ref, `realtime:${channel}`, 'phx_join', { config: { broadcast: { ack: false, self: false } } }]);
      }),
  };
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
