import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN_INTERVAL_MS } from './content.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Folders the static route may serve, by URL prefix: each peer's shipped files (ours: `dist` given to the server). */
const STATIC: Record<string, string> = {
  '/nm/deep-chat/': resolve(ROOT, 'node_modules/deep-chat/dist'),
  '/nm/@nlux/core/': resolve(ROOT, 'node_modules/@nlux/core/esm'),
  '/nm/@nlux/themes/': resolve(ROOT, 'node_modules/@nlux/themes'),
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** How each kind of fake stream frames one token. */
const FRAMES = {
  /** deep-chat's own SSE shape (`connect.stream`): `data: {"text": …}`. */
  'deep-chat': (token: string) => `data: ${JSON.stringify({ text: token })}\n\n`,
  /** OpenAI / Tiny Talk chat completions: what our agent client reads, and what the nlux page's adapter parses. */
  openai: (token: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: token } }] })}\n\n`,
} as const;
const ENDS = { 'deep-chat': '', openai: 'data: [DONE]\n\nevent: message_payload\ndata: {"citedResources":[]}\n\n' } as const;
export type StreamKind = keyof typeof FRAMES;

export interface PeerServer {
  url: string;
  /** Host pages (and bench-built scripts, typed by extension) by path. */
  pages: Map<string, string>;
  /** Emits `start` when a fake stream is asked for, `end` (with `performance.now()`) when its last token is written. */
  streams: EventEmitter;
  close(): Promise<void>;
}

/**
 * One loopback origin for every widget: host pages, the widgets' shipped files from disk, paced fake reply streams,
 * and (when `upstream` is given) everything else, websockets included, passed through to the TinyChat server so our
 * widget talks to its API on the same origin, as it would behind one domain. `dist` is where our build is served from.
 */
export async function startPeerServer(tokens: readonly string[], upstream?: string, dist?: string): Promise<PeerServer> {
  const roots: Record<string, string> = dist ? { ...STATIC, '/dist/': resolve(dist) } : STATIC;
  const pages = new Map<string, string>();
  const streams = new EventEmitter();
  const up = upstream ? new URL(upstream) : undefined;

  const stream = (kind: StreamKind, req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    let i = 0;
    let closed = false;
    res.on('close', () => (closed = true));
    const next = (): void => {
      if (closed) return;
      if (i < tokens.length) {
        res.write(FRAMES[kind](tokens[i++] as string));
        setTimeout(next, TOKEN_INTERVAL_MS);
      } else {
        res.end(ENDS[kind]);
        streams.emit('end', performance.now());
      }
    };
    streams.emit('start', kind);
    req.resume();
    req.on('end', next);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page !== undefined) return void res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    if (req.method === 'POST' && path === '/sse/deep-chat') return stream('deep-chat', req, res);
    if (req.method === 'POST' && (path === '/sse/openai' || path === '/v1/chat/completions')) return stream('openai', req, res);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    if (prefix) {
      const base = roots[prefix] as string;
      const file = resolve(base, decodeURIComponent(path.slice(prefix.length)));
      if (!file.startsWith(base + sep)) return void res.writeHead(404).end();
      readFile(file).then(
        (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
        () => res.writeHead(404).end(),
      );
      return;
    }
    if (!up) return void res.writeHead(404).end();
    const proxied = request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    proxied.on('error', () => res.writeHead(502).end());
    req.pipe(proxied);
  });
  // Websockets (realtime): pass the upgrade request and then the raw bytes both ways.
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    if (!up) return socket.destroy();
    const target = connect(Number(up.port), up.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      target.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) target.write(head);
      target.pipe(socket).pipe(target);
    });
    target.on('error', () => socket.destroy());
    socket.on('error', () => target.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pages,
    streams,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
