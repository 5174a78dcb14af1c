import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** How to answer a request; `hold` is awaited first (a slow receiver). */
export type Answer = { status?: number; body?: string; headers?: Record<string, string>; hold?: Promise<unknown> };

/** A loopback HTTP receiver that records every request and answers as told (204 by default). */
export async function startReceiver(respond: (r: Received, index: number) => Answer = () => ({}), port = 0) {
  const received: Received[] = [];
  let answered = 0;
  const server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r: Received = { headers: req.headers, body, json: JSON.parse(body) as Received['json'] };
      received.push(r);
      const answer = respond(r, received.length - 1);
      await answer.hold;
      answered++;
      res.writeHead(answer.status ?? 204, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    received,
    /** How many requests have had their answer. */
    answered: () => answered,
    /** The webhook-ids received, in order. */
    ids: () => received.map((r) => String(r.headers['webhook-id'])),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback port nothing listens on (yet). */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
