import { createMiddleware } from 'hono/factory';
import { callerAddress } from '../agent/callerAddress.ts';
import { FixedWindowLimiter } from '../agent/FixedWindowLimiter.ts';
import { ApiError } from '../http/ApiError.ts';
import type { TenantEnv } from '../http/tenantAuth.ts';
import type { LimitSettings, Rate } from './LimitSettings.ts';
import { waitSeconds } from './waitSeconds.ts';

const per = (r: Rate) => (r.windowSeconds === 60 ? 'a minute' : `every ${r.windowSeconds} s`);

/**
 * 429 with `Retry-After` for REST writes past the limits: per tenant and IP address, per signed-in user, and new
 * conversations per tenant and IP address. The per-user count is kept only for a user token's user: a claimed
 * `sender_id` proves nothing, and counting it would let anyone use up someone else's budget.
 */
export function restWriteLimits(settings: LimitSettings) {
  const limiter = new FixedWindowLimiter();
  return createMiddleware<TenantEnv>(async (c, next) => {
    const method = c.req.method;
    if (!settings.restWrites || (method !== 'POST' && method !== 'PATCH' && method !== 'DELETE')) return next();
    const tenant = c.get('tenant').id;
    const address = callerAddress(c);
    const checks: [string, Rate, string][] = [[`ip\n${tenant}\n${address}`, settings.writesPerAddress, 'changes from one address']];
    const caller = c.get('identity').caller;
    if (caller !== undefined) checks.push([`user\n${tenant}\n${caller.userId}`, settings.writesPerUser, 'changes by one user']);
    if (method === 'POST' && /\/conversations\/?$/.test(c.req.path)) {
      checks.push([`conv\n${tenant}\n${address}`, settings.conversationsPerAddress, 'new conversations from one address']);
    }
    for (const [key, rate, what] of checks) {
      const d = limiter.hit(key, rate.limit, rate.windowSeconds * 1000);
      if (!d.allowed) {
        const wait = waitSeconds(d.resetAt);
        throw new ApiError(429, `too many requests: at most ${rate.limit} ${what} ${per(rate)}; retry in ${wait} s`, { 'Retry-After': String(wait) });
      }
    }
    await next();
  });
}
