import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { FixedWindowLimiter } from '../agent/FixedWindowLimiter.ts';
import { callerAddress } from '../agent/callerAddress.ts';
import type { Queryable } from '../db/Db.ts';
import type { WrongKeyGuard } from '../limits/WrongKeyGuard.ts';
import type { HealthMonitor } from './HealthMonitor.ts';
import type { HealthSettings } from './HealthSettings.ts';
import { TalkoryError } from './TalkoryError.ts';

const requestId = () => `req_${randomBytes(6).toString('hex')}`;

/**
 * `GET /v1/health/llm` (and `/api/v1/…`): Talkory's health endpoint. Bearer key from `health_keys`,
 * scope `health:read`, a per-key rate limit, `{error:{…}}` errors with a fresh requestId. No CORS:
 * the key is server-side only, so browsers are not invited.
 */
export function healthRoutes(db: Queryable, monitor: HealthMonitor, settings: HealthSettings, keyGuard: WrongKeyGuard) {
  const app = new Hono();
  const limiter = new FixedWindowLimiter();
  for (const base of ['/v1/health', '/api/v1/health']) {
    app.get(`${base}/llm`, async (c) => {
      await authorize(c, db, limiter, settings, keyGuard);
      return c.json(await monitor.snapshot());
    });
    app.all(`${base}/llm`, () => {
      throw new TalkoryError(405, 'invalid_request', 'Use GET for this endpoint.');
    });
    app.all(`${base}/*`, () => {
      throw new TalkoryError(404, 'not_found', 'Endpoint does not exist.');
    });
  }
  app.onError((err, c) => {
    const e = err instanceof TalkoryError ? err : new TalkoryError(500, 'internal_error', 'Unexpected server error.');
    if (!(err instanceof TalkoryError)) console.error(err);
    const id = requestId();
    return c.json({ error: { code: e.code, message: e.message, status: e.status, requestId: id } }, e.status, { ...e.headers, 'X-Request-Id': id });
  });
  return app;
}

async function authorize(c: Context, db: Queryable, limiter: FixedWindowLimiter, settings: HealthSettings, keyGuard: WrongKeyGuard) {
  const header = c.req.header('authorization');
  if (header === undefined || header.trim() === '') throw new TalkoryError(401, 'missing_api_key', 'Send your key as Authorization: Bearer <key>.');
  const address = callerAddress(c);
  const wait = keyGuard.wait(address);
  if (wait !== undefined) throw new TalkoryError(429, 'rate_limited', 'Too many wrong keys from this address. Retry later.', { 'Retry-After': String(wait) });
  const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const [row] = key === undefined ? [] : await db.query<{ scopes: string[] }>('select scopes from health_keys where key = $1 and revoked_at is null', [key]);
  if (row === undefined || key === undefined) {
    keyGuard.failed(address);
    throw new TalkoryError(401, 'invalid_api_key', 'The key is wrong, revoked, or expired.');
  }
  const d = limiter.hit(key, settings.rateLimit, settings.rateWindowSeconds * 1000);
  const headers = { 'X-RateLimit-Limit': String(d.limit), 'X-RateLimit-Remaining': String(d.remaining) };
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  if (!d.allowed) {
    const wait = Math.max(1, Math.ceil((d.resetAt - Date.now()) / 1000));
    throw new TalkoryError(429, 'rate_limited', 'Rate limit exceeded. Slow down and retry.', { ...headers, 'Retry-After': String(wait) });
  }
  if (!row.scopes.includes('health:read')) {
    throw new TalkoryError(403, 'insufficient_scope', 'This key lacks the health:read scope.', headers);
  }
}
