import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';

/** What a fault is matched on. */
export interface ProxiedRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/config`. */
  readonly path: string;
}

/** A canned answer instead of the server's. */
export interface FaultAnswer {
  status: number;
  /** JSON body. @defaultValue `{ error: 'service unavailable' }` */
  body?: unknown;
}

/**
 * A loopback HTTP proxy in front of the real server, for putting the widget through what a visitor meets: the
 * service killed (connections refused, open ones cut), a load balancer's 503s for chosen routes, replies cut mid-
 * stream. Websocket upgrades are piped through as bytes, so realtime goes through it too (and dies with it).
 */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`; the same after {@link revive}. */
  readonly url: string;
  /** Requests that reached the proxy, in order (refused ones are not seen). */
  readonly seen: ProxiedRequest[];
  /** Answers the server gave through the proxy (its own canned ones are not here), with when they came (ms epoch). */
  readonly answers: { method: string; path: string; status: number; at: number }[];
  /** Stops listening and cuts every open connection, websockets included: a killed server. */
  kill(): Promise<void>;
  /** Listens again on the same port. */
  revive(): Promise<void>;
  /** Answers matching requests itself (503 by default) until the returned function is called. */
  fail(match: (r: ProxiedRequest) => boolean, answer?: FaultAnswer): () => void;
  /** Cuts matching responses after `afterBytes` bytes of body (a torn-down stream) until the function is called. */
  cut(match: (r: ProxiedRequest) => boolean, afterBytes: number): () => void;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port forwarding to `target` (`http://127.0.0.1:<port>`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const faults = new Set<{ match: (r: ProxiedRequest) => boolean; answer: FaultAnswer }>();
  const cuts = new Set<{ match: (r: ProxiedRequest) => boolean; afterBytes: number }>();
  const seen: ProxiedRequest[] = [];
  const answers: FaultProxy['answers'] = [];
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const info: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
    seen.push(info);
    const fault = [...faults].find((f) => f.match(info));
    if (fault !== undefined) {
      req.resume();
      const body = JSON.stringify(fault.answer.body ?? { error: 'service unavailable' });
      // CORS as the server would send it, so the browser reads the status instead of a network error.
      res.writeHead(fault.answer.status, {
        'content-type': 'application/json',
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      });
      res.end(body);
      return;
    }
    const cut = [...cuts].find((c) => c.match(info));
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      answers.push({ ...info, status: answer.statusCode ?? 502, at: Date.now() });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (cut === undefined) return void answer.pipe(res);
      let sent = 0;
      answer.on('data', (chunk: Buffer) => {
        if (sent >= cut.afterBytes) return;
        const part = chunk.subarray(0, cut.afterBytes - sent);
        sent += part.length;
        res.write(part);
        // Torn down mid-answer: the browser sees the connection reset after part of the body.
        if (sent >= cut.afterBytes) setTimeout(() => (answer.destroy(), res.socket?.destroy()), 50);
      });
    });
    forward.on('error', () => res.socket?.destroy());
    req.pipe(forward);
  };

  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    const s = createServer(handle);
    s.on('connection', track);
    s.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
      seen.push({ method: 'UPGRADE', path: req.url ?? '/' });
      const out = connect(Number(upstream.port), upstream.hostname, () => {
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        out.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) out.write(head);
        out.pipe(client);
        client.pipe(out);
      });
      track(out);
      const end = () => (out.destroy(), client.destroy());
      out.on('error', end);
      client.on('error', end);
      out.on('close', end);
      client.on('close', end);
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as { port: number }).port;
    server = s;
  };
  await listen();

  const kill = async () => {
    const s = server;
    server = undefined;
    if (s === undefined) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answers,
    kill,
    async revive() {
      if (server === undefined) await listen();
    },
    fail(match, answer = { status: 503 }) {
      const fault = { match, answer };
      faults.add(fault);
      return () => void faults.delete(fault);
    },
    cut(match, afterBytes) {
      const c = { match, afterBytes };
      cuts.add(c);
      return () => void cuts.delete(c);
    },
    close: kill,
  };
}
