import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Compat } from './Compat.ts';

declare module 'hono' {
  // Every route of every sub-app can ask `c.get('compat')` without threading it through its Env type.
  interface ContextVariableMap {
    compat: Compat;
  }
}

/** Puts the server's mode on every request's context as `compat`. */
export function compatContext(compat: Compat) {
  return createMiddleware(async (c, next) => {
    c.set('compat', compat);
    await next();
  });
}

/**
 * True when our extensions are on for this request (default mode). A route outside the app (a unit test
 * mounting it alone) has no mode set and counts as default.
 * @example if (extensionsOnFor(c)) c.header('idempotent-replayed', 'true')
 */
export function extensionsOnFor(c: Context): boolean {
  return c.get('compat') !== 'hosted';
}
