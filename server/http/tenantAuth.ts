import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/Db.ts';
import type { IdentityMode, UserClaims } from '../identity/UserClaims.ts';
import { ApiError } from './ApiError.ts';

export interface Tenant {
  id: string;
  name: string;
  realtime_anon_key: string;
  status: 'active' | 'overage' | 'suspended';
  identity_mode: IdentityMode;
  /** Signs user tokens; never sent anywhere. */
  identity_secret: string | null;
}

/** How a request is identified: the tenant's mode (`off` whenever identity is turned off), and the verified caller. */
export interface Identity {
  mode: IdentityMode;
  /** From a valid `x-tinychat-user-token`; undefined without one. */
  caller: UserClaims | undefined;
}

export type TenantEnv = { Variables: { tenant: Tenant; identity: Identity } };

/** The tenant columns every request needs. */
export const TENANT_COLUMNS = 'id, name, realtime_anon_key, status, identity_mode, identity_secret';

/** Resolves `x-tinychat-api-key` to its tenant, answering the seed's 401/403 rows otherwise. */
export function tenantAuth(db: Db) {
  return createMiddleware<TenantEnv>(async (c, next) => {
    const key = c.req.header('x-tinychat-api-key');
    if (key === undefined || key === '') throw new ApiError(401, 'missing x-tinychat-api-key header');
    if (!/^pk_(live|test)_[A-Za-z0-9_]+$/.test(key)) throw new ApiError(401, 'invalid api key');
    const [tenant] = await db.query<Tenant>(`select ${TENANT_COLUMNS} from tenants where publishable_key = $1`, [key]);
    if (tenant === undefined) throw new ApiError(401, 'invalid api key');
    if (tenant.status !== 'active') throw new ApiError(403, `tenant is ${tenant.status}`);
    c.set('tenant', tenant);
    c.set('identity', { mode: 'off', caller: undefined });
    await next();
  });
}
