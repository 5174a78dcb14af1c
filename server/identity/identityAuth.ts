import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/Db.ts';
import { ApiError } from '../http/ApiError.ts';
import type { TenantEnv } from '../http/tenantAuth.ts';
import { markVerified } from './markVerified.ts';
import { UserTokenError, verifyUserToken } from './verifyUserToken.ts';

/** The REST header that carries a user token. */
export const USER_TOKEN_HEADER = 'x-tinychat-user-token';

/**
 * Takes the caller from `x-tinychat-user-token` (after tenantAuth). A wrong, expired or forged token is 401 in
 * every mode, also for a tenant in `off` mode (it has no secret, so no token can be right); in `required` mode a
 * request without one is 401, except `GET /config`, which the widget reads before it knows it needs a token.
 */
export function identityAuth(db: Db) {
  const verified = markVerified(db);
  return createMiddleware<TenantEnv>(async (c, next) => {
    const tenant = c.get('tenant');
    const token = c.req.header(USER_TOKEN_HEADER);
    const mode = tenant.identity_mode;
    if (token === undefined || token === '') {
      if (mode === 'required' && !c.req.path.endsWith('/config')) {
        throw new ApiError(401, `user token required: this tenant needs a signed user token in ${USER_TOKEN_HEADER}`);
      }
      c.set('identity', { mode, caller: undefined });
      return next();
    }
    if (mode === 'off' || tenant.identity_secret === null) throw new ApiError(401, 'invalid user token: this tenant does not use user tokens');
    try {
      const caller = await verifyUserToken(token, tenant.identity_secret);
      c.set('identity', { mode, caller });
      if (mode === 'optional') await verified(tenant.id, caller);
    } catch (e) {
      if (e instanceof UserTokenError) throw new ApiError(401, e.message);
      throw e;
    }
    await next();
  });
}
