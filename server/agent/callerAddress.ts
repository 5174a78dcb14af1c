import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The caller's IP address, the "user" public agents are rate-limited by. The body's `user` is not used:
 * a client could change it on every request. `X-Forwarded-For` is not trusted (no proxy in front here).
 */
export function callerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not running on the Node adapter (e.g. app.request in a script)
  }
}
