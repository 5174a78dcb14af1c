// @vitest-environment node
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { HttpError, isHttpError } from '../../../src/transport/errors/HttpError.ts';
import { isMissingKeyError, MissingKeyError } from '../../../src/transport/errors/MissingKeyError.ts';
import { isNetworkError, NetworkError } from '../../../src/transport/errors/NetworkError.ts';
import { isRateLimitError, RateLimitError } from '../../../src/transport/errors/RateLimitError.ts';
import { isSecretKeyError, SecretKeyError } from '../../../src/transport/errors/SecretKeyError.ts';
import { isTimeoutError, TimeoutError } from '../../../src/transport/errors/TimeoutError.ts';
import { isTransportError } from '../../../src/transport/errors/TransportError.ts';
import { retryAfterSeconds } from '../../../src/transport/retryAfterSeconds.ts';
import { json, startHttpServer, type HttpTestServer } from './helpers/startHttpServer.ts';

// One loopback server that answers each path with one of the seeds' error shapes.
let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/v1/config') return json(res, 400, { error: 'invalid json' });
    if (path === '/v1/conversations') return json(res, 401, { code: 401, message: 'Invalid API key' });
    if (path === '/v1/conversations/c1/messages') {
      return json(res, 403, { error: { code: 'insufficient_scope', message: 'Key lacks scope health:read', status: 403, requestId: 'req_123' } });
    }
    if (path === '/v1/users') {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
      return;
    }
    if (path === '/v1/conversations/c1/typing') return json(res, 429, { error: 'slow down' }, { 'retry-after': '42', 'x-ratelimit-limit': '30' });
    if (path === '/v1/conversations/c2/typing')
      return json(res, 429, { code: 'rate_limited', message: 'Too many requests' }, { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 120) });
    return json(res, 404, { error: 'not found' });
  });
});
afterAll(() => server?.close());

const client = () => createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo', retries: 0 });
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('should have rejected'),
    (e: unknown) => e,
  );

describe('the three error shapes', () => {
  test('TinyChat {error:"..."}', async () => {
    const e = await rejection(client().getConfig());
    expect(e).toBeInstanceOf(HttpError);
    expect(isHttpError(e) && { status: e.status, message: e.message, code: e.code, body: e.body }).toEqual({
      status: 400,
      message: 'invalid json',
      code: undefined,
      body: { error: 'invalid json' },
    });
  });

  test('Tiny Talk {code,message}', async () => {
    const e = await rejection(client().listConversations('u1'));
    expect(isHttpError(e) && { status: e.status, message: e.message, code: e.code }).toEqual({ status: 401, message: 'Invalid API key', code: 401 });
  });

  test('Talkory {error:{code,message,status,requestId}}', async () => {
    const e = await rejection(client().history('c1'));
    expect(isHttpError(e) && { status: e.status, message: e.message, code: e.code, requestId: e.requestId }).toEqual({
      status: 403,
      message: 'Key lacks scope health:read',
      code: 'insufficient_scope',
      requestId: 'req_123',
    });
  });

  test('a body that is not JSON keeps its text and says only the status', async () => {
    const e = await rejection(client().upsertUser({ user_id: 'u1' }));
    expect(isHttpError(e) && { status: e.status, message: e.message, body: e.body }).toEqual({ status: 502, message: 'HTTP 502', body: '<html><body>Bad gateway</body></html>' });
  });

  test('429 becomes a RateLimitError with Retry-After seconds, else X-RateLimit-Reset', async () => {
    const a = await rejection(client().typing('c1', 'u1'));
    expect(isRateLimitError(a) && { status: a.status, wait: a.retryAfterSeconds, message: a.message }).toEqual({ status: 429, wait: 42, message: 'slow down' });
    const b = await rejection(client().typing('c2', 'u1'));
    expect(isRateLimitError(b) && b.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    expect(isRateLimitError(b) && b.retryAfterSeconds).toBeLessThanOrEqual(120);
    expect(isHttpError(b)).toBe(true);
  });
});

describe('retryAfterSeconds', () => {
  const NOW = Date.parse('2026-01-01T00:00:00Z');
  test.each([
    [{ 'retry-after': '12' }, 12],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '1.2' }, 2],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:45 GMT' }, 45],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, 0],
    [{ 'x-ratelimit-reset': String(NOW / 1000 + 90) }, 90],
    [{ 'x-ratelimit-reset': String(NOW + 5_000) }, 5],
    [{ 'retry-after': '7', 'x-ratelimit-reset': String(NOW / 1000 + 90) }, 7],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, seconds) => {
    expect(retryAfterSeconds(new Headers(headers), NOW)).toBe(seconds);
  });
});

describe('guards', () => {
  test('each class passes its own guard and the general one, and only those', () => {
    const init = { status: 500, message: 'x', body: {} };
    const errors = [
      new HttpError(init),
      new RateLimitError({ ...init, status: 429 }, 3),
      new NetworkError(new TypeError('fetch failed')),
      new TimeoutError(100),
      new SecretKeyError('sk_'),
      new MissingKeyError(),
    ];
    const guards = [isHttpError, isRateLimitError, isNetworkError, isTimeoutError, isSecretKeyError, isMissingKeyError];
    expect(errors.map((e) => [e.name, ...guards.map((g) => g(e)), isTransportError(e)])).toEqual([
      ['HttpError', true, false, false, false, false, false, true],
      ['RateLimitError', true, true, false, false, false, false, true],
      ['NetworkError', false, false, true, false, false, false, true],
      ['TimeoutError', false, false, false, true, false, false, true],
      ['SecretKeyError', false, false, false, false, true, false, true],
      ['MissingKeyError', false, false, false, false, false, true, true],
    ]);
    expect((errors[2] as NetworkError).cause).toBeInstanceOf(TypeError);
  });

  test('an error made in another realm passes (brand, not instanceof); look-alikes do not', () => {
    // node:vm gives a real second realm: its Error is not ours, but Symbol.for is one registry for both.
    const foreign: unknown = runInNewContext(
      `const e = new Error('slow down'); e[Symbol.for('tinychat.transport.error')] = 'rate-limit'; e.status = 429; e.retryAfterSeconds = 3; e`,
    );
    expect(foreign instanceof Error).toBe(false);
    expect(isRateLimitError(foreign)).toBe(true);
    expect(isHttpError(foreign)).toBe(true);
    expect(isNetworkError(foreign)).toBe(false);
    // The agent client's errors share words like kind: 'network' but not the brand.
    expect(isNetworkError({ kind: 'network', message: 'x' })).toBe(false);
    expect(isTransportError(new Error('plain'))).toBe(false);
    expect(isTransportError(null)).toBe(false);
    expect(isTransportError('http')).toBe(false);
  });
});
