import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/Db.ts';
import { ApiError } from '../http/ApiError.ts';

/** What a request with a valid secret server key carries on. */
export type ServerKeyEnv = { Variables: { tenantId: string } };

/** The SHA-256 (hex) under which a server key is kept. */
export function serverKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Lets through only `Authorization: Bearer tiny_server_sk_…` of an active tenant. A publishable key is refused
 * with a sentence that says why: these endpoints show what the tenant's backend receives, which a browser
 * holding the publishable key must never read.
 */
export function serverKeyAuth(db: Db) {
  return createMiddleware<ServerKeyEnv>(async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const key = bearer ?? c.req.header('x-tinychat-api-key');
    if (key === undefined || key === '') throw new ApiError(401, 'missing authorization header: send Authorization: Bearer <secret server key>');
    if (/^pk_(live|test)_/.test(key)) {
      throw new ApiError(401, 'a publishable key cannot read webhooks; send a secret server key (tiny_server_sk_…) as Authorization: Bearer');
    }
    if (bearer === undefined || !key.startsWith('tiny_server_sk_')) throw new ApiError(401, 'invalid server key');
    const [row] = await db.query<{ tenant_id: string; status: string }>(
      `select k.tenant_id, t.status from server_keys k join tenants t on t.id = k.tenant_id where k.key_hash = $1 and k.revoked_at is null`,
      [serverKeyHash(key)],
    );
    if (row === undefined) throw new ApiError(401, 'invalid server key');
    if (row.status !== 'active') throw new ApiError(403, `tenant is ${row.status}`);
    c.set('tenantId', row.tenant_id);
    await next();
  });
}
