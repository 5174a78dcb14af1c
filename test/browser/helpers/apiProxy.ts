import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/** What the proxy does with a preflight (OPTIONS): pass it on, answer as the hosted seed's CORS does, or refuse sends. */
export type PreflightRule = 'pass' | 'seed' | 'refuse-sends';

/** A loopback HTTP proxy in front of the local server, for faults a browser meets between it and the chat service. */
export interface ApiProxy {
  /** e.g. `http://127.0.0.1:41235` */
  readonly url: string;
  preflight: PreflightRule;
  /**
   * Decides per send (POST …/messages) whether its answer is lost: the request reaches the server, which stores
   * the message and answers; the proxy waits for `hold` (if any), then either cuts the connection after the
   * answer's headers (`cut`, the default: a network error while reading it) or answers 502 (`502`: a gateway
   * that lost it). Never with no byte at all: on a reused connection Chromium itself sends such a POST again.
   */
  loseAnswer: (body: string) => { hold?: Promise<void>; as?: 'cut' | '502' } | false;
  /** Sends whose answer was dropped, by body text. */
  readonly lost: string[];
  /** Resolves when the next lost answer has been received from the server (the message is stored). */
  nextLost(): Promise<void>;
  close(): Promise<void>;
}

const SEED_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, x-tinychat-api-key',
};

const isSend = (req: IncomingMessage) => req.method === 'POST' && /\/v1\/conversations\/[^/]+\/messages$/.test((req.url ?? '').split('?')[0] ?? '');

/** Starts the proxy on a free loopback port, forwarding to `target` (HTTP and the realtime WebSocket). */
export async function startApiProxy(target: string): Promise<ApiProxy> {
  const upstream = new URL(target);
  const waiting: (() => void)[] = [];
  const proxy: ApiProxy = {
    url: '',
    preflight: 'pass',
    loseAnswer: () => false,
    lost: [],
    nextLost: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const answerPreflight = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'OPTIONS' || proxy.preflight === 'pass') return false;
    const sendsPath = ((req.url ?? '').split('?')[0] ?? '').endsWith('/messages') && req.headers['access-control-request-method'] === 'POST';
    // A host that allows no request header a send needs: the browser refuses the send itself.
    const headers = proxy.preflight === 'refuse-sends' && sendsPath ? { ...SEED_CORS, 'access-control-allow-headers': 'x-nothing' } : SEED_CORS;
    res.writeHead(204, headers).end();
    return true;
  };

  const server: Server = createServer((req, res) => {
    if (answerPreflight(req, res)) return;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const lose = isSend(req) ? proxy.loseAnswer(body.toString('utf8')) : false;
      const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        if (lose === false) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        answer.resume();
        answer.on('end', () => {
          const text = (JSON.parse(body.toString('utf8')) as { body?: string }).body ?? '';
          proxy.lost.push(text);
          waiting.splice(0).forEach((resolve) => resolve());
          void (lose.hold ?? Promise.resolve()).then(() => {
            if (lose.as === '502') {
              res.writeHead(502, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{"error":"bad gateway"}');
              return;
            }
            res.writeHead(answer.statusCode ?? 200, { ...answer.headers, 'content-length': '1000' });
            res.flushHeaders();
            setTimeout(() => req.socket.destroy(), 50);
          });
        });
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  // Realtime: the WebSocket upgrade is piped through as bytes.
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const to = connect(Number(upstream.port), upstream.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)];
      to.write(`${lines.join('\r\n')}\r\n\r\n`);
      to.write(head);
      to.pipe(socket).pipe(to);
    });
    const end = () => {
      to.destroy();
      socket.destroy();
    };
    to.on('error', end);
    socket.on('error', end);
    to.on('close', end);
    socket.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (proxy as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
