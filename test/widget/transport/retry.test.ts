// @vitest-environment node
import { createServer as createNetServer } from 'node:net';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { startTestServer } from '../../server/helpers/testServer.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { isHttpError } from '../../../src/transport/errors/HttpError.ts';
import { isNetworkError } from '../../../src/transport/errors/NetworkError.ts';
import { isRateLimitError } from '../../../src/transport/errors/RateLimitError.ts';
import { isTimeoutError } from '../../../src/transport/errors/TimeoutError.ts';
import type { RestClientOptions } from '../../../src/transport/RestClientOptions.ts';
import { json, startHttpServer, type HttpTestServer, type SeenRequest } from './helpers/startHttpServer.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(handler: (req: SeenRequest, res: ServerResponse, index: number) => void | Promise<void>): Promise<HttpTestServer> {
  const server = await startHttpServer(handler);
  cleanups.push(() => server.close());
  return server;
}

// random: () => 0 makes every backoff 0 ms, so retry counts are tested without waiting.
const client = (server: HttpTestServer, options: Partial<RestClientOptions> = {}) => createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo', random: () => 0, ...options });
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('should have rejected'),
    (e: unknown) => e,
  );
const CONFIG = { tenant: { id: 't', name: 'T' }, realtime: { supabase_url: 'http://x', supabase_anon_key: 'k', channel_prefix: 'conv:' } };

describe('retries', () => {
  test('503 with Retry-After: 1 is waited out, then the GET succeeds', async () => {
    const server = await serve((_req, res, i) => (i === 0 ? json(res, 503, { error: 'busy' }, { 'retry-after': '1' }) : json(res, 200, CONFIG)));
    const started = performance.now();
    await expect(client(server).getConfig()).resolves.toEqual(CONFIG);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  test('429 with Retry-After: 0 is retried; the retries stop after `retries`', async () => {
    const server = await serve((_req, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '0' }));
    const e = await rejection(client(server, { retries: 2 }).history('c1'));
    expect(isRateLimitError(e) && e.retryAfterSeconds).toBe(0);
    expect(server.requests).toHaveLength(3);
  });

  test('a Retry-After beyond the cap is not sat out: the RateLimitError comes at once with the wait', async () => {
    const server = await serve((_req, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '60' }));
    const started = performance.now();
    const e = await rejection(client(server).history('c1'));
    expect(isRateLimitError(e) && e.retryAfterSeconds).toBe(60);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  test.each([408, 500, 502, 504])('%i is retried with backoff', async (status) => {
    const server = await serve((_req, res, i) => (i < 2 ? json(res, status, { error: 'hiccup' }) : json(res, 200, { messages: [] })));
    await expect(client(server).history('c1')).resolves.toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  test('the backoff is exponential with full jitter', async () => {
    const server = await serve((_req, res) => json(res, 500, { error: 'down' }));
    const started = performance.now();
    // random 0.999: waits just under 100 ms, then 200 ms (base 100 · 2^n).
    await rejection(client(server, { retries: 2, retryBaseMs: 100, random: () => 0.999 }).history('c1'));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
    expect(server.requests).toHaveLength(3);
  });

  test.each([400, 401, 403, 404, 409, 413, 415, 422])('%i is never retried', async (status) => {
    const server = await serve((_req, res) => json(res, status, { error: 'no' }));
    const e = await rejection(client(server).history('c1'));
    expect(isHttpError(e) && e.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  test('typing is fire-and-forget: no retry even on 503', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: 'busy' }));
    await rejection(client(server).typing('c1', 'u1', 'Ada'));
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ sender_id: 'u1', sender_name: 'Ada' });
  });

  test('get-or-create is retried only with an external_ref (without one a retry would create a second conversation)', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: 'busy' }));
    await rejection(client(server).getOrCreateConversation({ kind: 'support', participants: ['u1'] }));
    expect(server.requests).toHaveLength(1);
    await rejection(client(server).getOrCreateConversation({ kind: 'order', external_ref: 'o1', participants: ['u1'] }));
    expect(server.requests).toHaveLength(4);
  });

  test('a send is retried with the same Idempotency-Key each time; the user upsert is retried too', async () => {
    const message = {
      id: 'm1',
      conversation_id: 'c1',
      sender_id: 'u1',
      body: 'hi',
      message_type: 'text',
      media_url: null,
      reply_to: null,
      created_at: '2026-01-01T00:00:00.000001Z',
      edited_at: null,
      deleted_at: null,
    };
    const server = await serve((req, res, i) =>
      i % 2 === 0
        ? json(res, 502, { error: 'bad gateway' })
        : json(res, req.url.includes('/users') ? 200 : 201, req.url.includes('/users') ? { user: { user_id: 'u1' } } : { message }),
    );
    await expect(client(server).send('c1', { sender_id: 'u1', body: 'hi' }, 'key-1')).resolves.toEqual(message);
    expect(server.requests.slice(0, 2).map((r) => [r.method, r.url, r.headers['idempotency-key'], r.headers['x-tinychat-api-key']])).toEqual([
      ['POST', '/v1/conversations/c1/messages', 'key-1', 'pk_test_demo'],
      ['POST', '/v1/conversations/c1/messages', 'key-1', 'pk_test_demo'],
    ]);
    await expect(client(server).upsertUser({ user_id: 'u1' })).resolves.toEqual({ user_id: 'u1' });
    expect(server.requests).toHaveLength(4);
  });
});

describe('timeouts, network errors, abort', () => {
  test('no answer within timeoutMs is a TimeoutError, retried like a network error', async () => {
    const server = await serve(() => {
      // never answers
    });
    const started = performance.now();
    const e = await rejection(client(server, { timeoutMs: 200, retries: 1 }).history('c1'));
    expect(isTimeoutError(e) && e.timeoutMs).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(server.requests).toHaveLength(2);
  });

  test('a body that stalls half-way also times out', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"messages": [');
    });
    const e = await rejection(client(server, { timeoutMs: 200, retries: 0 }).history('c1'));
    expect(isTimeoutError(e)).toBe(true);
  });

  test('a refused connection is a NetworkError with the platform error as cause', async () => {
    // A port that was free a moment ago and has nothing listening now.
    const probe = createNetServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((r) => probe.close(() => r()));
    const api = createRestClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'pk_test_demo', retries: 1, random: () => 0 });
    const e = await rejection(api.getConfig());
    expect(isNetworkError(e)).toBe(true);
    expect((e as Error).cause).toBeInstanceOf(TypeError);
  });

  test('abort rejects with the signal reason at once, and nothing is retried', async () => {
    const server = await serve(() => {
      // hangs, so only the abort can end the call
    });
    const controller = new AbortController();
    const pending = rejection(client(server, { timeoutMs: 10_000 }).history('c1', {}, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const e = await pending;
    expect((e as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  test('abort during a backoff wait ends it; an already-aborted signal sends nothing', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: 'busy' }, { 'retry-after': '5' }));
    const controller = new AbortController();
    const started = performance.now();
    const pending = rejection(client(server, { maxRetryAfterSeconds: 10 }).history('c1', {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('left the page')), 100);
    expect(((await pending) as Error).message).toBe('left the page');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);

    await rejection(client(server).getConfig({ signal: AbortSignal.abort() }));
    expect(server.requests).toHaveLength(1);
  });

  test('fetch is injectable', async () => {
    const server = await serve((_req, res) => json(res, 200, CONFIG));
    const seen: string[] = [];
    const api = createRestClient({ baseUrl: `${server.url}/`, apiKey: 'pk_test_demo', fetch: (input, init) => (seen.push(String(input)), fetch(input, init)) });
    await api.getConfig();
    await api.listConversations('u 1', 'support');
    expect(seen).toEqual([`${server.url}/v1/config`, `${server.url}/v1/conversations?user_id=u+1&kind=support`]);
  });
});

describe('a send whose answer is lost', () => {
  let real: RunningServer;
  afterEach(async () => {
    await real?.close();
  });

  test('is retried with its Idempotency-Key and makes exactly one message on the real server', async () => {
    real = await startTestServer();
    const direct = createRestClient({ baseUrl: real.url, apiKey: 'pk_test_demo' });
    const conv = await direct.getOrCreateConversation({ kind: 'direct', participants: ['u_drop_1', 'u_drop_2'] });
    let dropped = 0;
    // A proxy that passes every request to the real server but, the first time, cuts the connection after the
    // server has stored the message and before its answer reaches the client.
    const proxy = await serve(async (req, res) => {
      const upstream = await fetch(real.url + req.url, {
        method: req.method,
        headers: Object.entries(req.headers).filter(
          (h): h is [string, string] => typeof h[1] === 'string' && h[0] !== 'host' && h[0] !== 'connection' && h[0] !== 'content-length',
        ),
        body: req.method === 'GET' ? null : req.body,
      });
      const text = await upstream.text();
      if (req.method === 'POST' && dropped === 0) {
        dropped++;
        res.socket?.destroy();
        return;
      }
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(text);
    });
    const api = client(proxy);
    const message = await api.send(conv.id, { sender_id: 'u_drop_1', body: 'only once' }, 'drop-key-1');
    expect(dropped).toBe(1);
    expect(proxy.requests.map((r) => r.headers['idempotency-key'])).toEqual(['drop-key-1', 'drop-key-1']);
    const history = await direct.history(conv.id);
    expect(history.map((m) => [m.id, m.body])).toEqual([[message.id, 'only once']]);
  });
});
