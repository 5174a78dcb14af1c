import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/testServer.ts';

// Providers' health URLs, served on loopback: /ok* answer 200, /down* 503, anything else never answers.
const hits = new Map<string, number>();
let probes: Server;
let base: string;

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
const started: TestServer[] = [];
async function start(options: Parameters<typeof startTestServer>[0]) {
  const s = await startTestServer(options);
  started.push(s);
  return s;
}

beforeAll(async () => {
  probes = createHttpServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.startsWith('/ok')) return void res.end('{"ok":true}');
    if (path.startsWith('/down')) return void res.writeHead(503).end();
    // /slow: no answer; the probe's timeout decides
  });
  await new Promise<void>((resolve) => probes.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(probes.address() as AddressInfo).port}`;
  server = await start({
    health: { urls: { gpt: `${base}/ok-gpt`, claude: `${base}/down`, gemini: `${base}/slow`, grok: `${base}/ok-grok` }, probeTimeoutMs: 300 },
  });
  await server.db.query(
    `insert into health_keys (key, scopes, revoked_at) values
       ('tk_test_noscope', '{chat:write}', null), ('tk_test_revoked', '{health:read}', now()), ('tk_test_limit', '{health:read}', null)`,
  );
});
afterAll(async () => {
  for (const s of started) await s.close();
  probes.closeAllConnections();
  await new Promise((resolve) => probes.close(resolve));
});

const health = (s: TestServer, key: string | null = 'tk_test_demo', path = '/v1/health/llm') =>
  s.api(path, { key: null, headers: key === null ? {} : { authorization: `Bearer ${key}` } });

const talkoryError = (code: string, status: number) => ({
  error: { code, message: expect.any(String), status, requestId: expect.stringMatching(/^req_[0-9a-f]+$/) },
});

describe('GET /v1/health/llm', () => {
  it("reports each provider from a real probe, and 'degraded' when any is not ok", async () => {
    const { status, body, headers } = await health(server);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'degraded',
      checkedAt: expect.any(String),
      providers: {
        gpt: { status: 'ok', detail: expect.stringContaining('HTTP 200') },
        claude: { status: 'error', detail: 'HTTP 503' },
        gemini: { status: 'error', detail: 'no answer within 300 ms' },
        grok: { status: 'ok', detail: expect.any(String) },
        perplexity: { status: 'error', detail: 'not configured' },
      },
    });
    expect(new Date(body.checkedAt).toISOString()).toBe(body.checkedAt);
    expect(headers.get('x-ratelimit-limit')).toBe('30');
    expect(Number(headers.get('x-ratelimit-remaining'))).toBeLessThan(30);
  });

  it('probes once within the cache window, however many ask (config included)', async () => {
    const first = await health(server);
    await Promise.all([health(server), health(server), server.api('/v1/config')]);
    const again = await health(server, 'tk_test_demo', '/api/v1/health/llm');
    expect(again.body.checkedAt).toBe(first.body.checkedAt);
    expect(hits.get('/ok-gpt')).toBe(1);
    expect(hits.get('/down')).toBe(1);
    expect(hits.get('/slow')).toBe(1);
  });

  it('probes again once the cached snapshot is older than the window', async () => {
    const short = await start({ health: { urls: { gpt: `${base}/ok-short` }, cacheMs: 50 } });
    await Promise.all([health(short), health(short), health(short)]);
    expect(hits.get('/ok-short')).toBe(1); // concurrent callers share one probe
    await new Promise((r) => setTimeout(r, 80));
    await health(short);
    expect(hits.get('/ok-short')).toBe(2);
  });

  it("is 'ok' when every provider answers", async () => {
    const urls = { gpt: `${base}/ok-1`, claude: `${base}/ok-2`, gemini: `${base}/ok-3`, grok: `${base}/ok-4`, perplexity: `${base}/ok-5` };
    const all = await start({ health: { urls } });
    const { body } = await health(all);
    expect(body.status).toBe('ok');
    expect(Object.values(body.providers).every((p) => (p as { status: string }).status === 'ok')).toBe(true);
  });

  it('answers 401 missing_api_key without an Authorization header, with a fresh requestId each time', async () => {
    const a = await health(server, null);
    const b = await health(server, null);
    expect(a.status).toBe(401);
    expect(a.body).toEqual(talkoryError('missing_api_key', 401));
    expect(b.body.error.requestId).not.toBe(a.body.error.requestId);
  });

  it('answers 401 invalid_api_key for a wrong, revoked or malformed key', async () => {
    for (const key of ['tk_test_wrong', 'tk_test_revoked']) {
      const r = await health(server, key);
      expect(r.status).toBe(401);
      expect(r.body).toEqual(talkoryError('invalid_api_key', 401));
    }
    const basic = await server.api('/v1/health/llm', { key: null, headers: { authorization: 'Basic dGtfdGVzdF9kZW1v' } });
    expect(basic.body).toEqual(talkoryError('invalid_api_key', 401));
  });

  it('answers 403 insufficient_scope for a key without health:read', async () => {
    const r = await health(server, 'tk_test_noscope');
    expect(r.status).toBe(403);
    expect(r.body).toEqual(talkoryError('insufficient_scope', 403));
  });

  it('allows 30 requests a minute per key, then 429 rate_limited with Retry-After', async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await health(server, 'tk_test_limit');
      expect(r.status).toBe(200);
      remaining.push(Number(r.headers.get('x-ratelimit-remaining')));
    }
    expect(remaining[0]).toBe(29);
    expect(remaining[29]).toBe(0);
    const limited = await health(server, 'tk_test_limit');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(talkoryError('rate_limited', 429));
    expect(limited.headers.get('x-ratelimit-limit')).toBe('30');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another key has its own budget.
    expect((await health(server)).status).toBe(200);
  });

  it('answers 404 not_found for unknown paths under the health API', async () => {
    const r = await health(server, 'tk_test_demo', '/v1/health/nope');
    expect(r.status).toBe(404);
    expect(r.body).toEqual(talkoryError('not_found', 404));
  });
});

describe("GET /v1/config's agent health", () => {
  it("follows the agent's provider in the same cached snapshot", async () => {
    const { body } = await server.api('/v1/config');
    const snapshot = (await health(server)).body;
    expect(body.agent).toEqual({ healthy: true, checked_at: snapshot.checkedAt });
  });

  it('is unhealthy when the configured upstream model does not answer its probe', async () => {
    // No health URL for gpt: the upstream's own /models is probed (here: the /down handler answers 503 for it).
    const s = await start({ agent: { tokenDelayMs: 0, llm: { url: `${base}/down-llm`, timeoutMs: 1000 } }, health: { urls: {}, probeTimeoutMs: 300 } });
    const { body } = await s.api('/v1/config');
    expect(body.agent).toEqual({ healthy: false, checked_at: expect.any(String) });
    expect(hits.get('/down-llm/models')).toBe(1);
  });

  it("is unhealthy when the agent's provider's health URL fails", async () => {
    const s = await start({ agent: { llmProvider: 'claude' }, health: { urls: { claude: `${base}/down` }, probeTimeoutMs: 300 } });
    expect((await s.api('/v1/config')).body.agent.healthy).toBe(false);
  });
});
