import { Hono } from 'hono';
import type { Db } from '../../db/Db.ts';
import { actingAs } from '../../identity/actingAs.ts';
import { ROLES } from '../../identity/UserClaims.ts';
import { ApiError } from '../ApiError.ts';
import { readJson } from '../readBody.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { jsonHasNul, optionalChoice, optionalText, requiredText, stringList } from './fields.ts';
import { jsonBodyLimit } from './jsonBody.ts';
import { isoSql } from './sqlTime.ts';

const MAX_PREFS_JSON = 16 * 1024;

/** The seed's user shape. */
export const USER_COLUMNS = `id, tenant_id, user_id, name, email, role, fcm_tokens, notification_prefs,
  ${isoSql('last_seen_at')} as last_seen_at`;

function prefs(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new ApiError(400, 'notification_prefs must be an object');
  const text = JSON.stringify(v);
  if (text.length > MAX_PREFS_JSON) throw new ApiError(400, `notification_prefs must be at most ${MAX_PREFS_JSON} characters of JSON`);
  if (jsonHasNul(v)) throw new ApiError(400, 'notification_prefs must not contain NUL characters');
  return text;
}

/**
 * `POST /users`: upsert on (tenant, user_id). Fields left out, null or "" keep what is stored (so an
 * anonymous re-identify never blanks a name); role defaults to customer only when the user is new.
 * Always 200: for the caller an upsert is one operation whether or not the row existed.
 * With a user token only the caller's own profile, and the role (and, when the body has none, name and email)
 * come from the token: a body's `role` is ignored, so nobody makes themselves an admin.
 */
export function usersRoutes(db: Db) {
  return new Hono<TenantEnv>().post('/users', jsonBodyLimit, async (c) => {
    const body = await readJson(c);
    const userId = requiredText(body, 'user_id');
    await actingAs(c, db, userId, 'user_id');
    const caller = c.get('identity').caller;
    const name = optionalText(body, 'name', { emptyIsAbsent: true }) ?? caller?.name;
    const email = optionalText(body, 'email', { max: 320, emptyIsAbsent: true }) ?? caller?.email;
    const bodyRole = optionalChoice(body, 'role', ROLES);
    const role = caller === undefined ? bodyRole : caller.role;
    const tokens = body.fcm_tokens === undefined || body.fcm_tokens === null ? undefined : JSON.stringify(stringList(body.fcm_tokens, 'fcm_tokens', { maxItems: 20, max: 4096 }));
    const notificationPrefs = prefs(body.notification_prefs);
    const [user] = await db.query(
      `insert into users as u (tenant_id, user_id, name, email, role, fcm_tokens, notification_prefs, last_seen_at)
       values ($1, $2, $3, $4, coalesce($5, 'customer'), coalesce($6::jsonb, '[]'), coalesce($7::jsonb, '{}'), now())
       on conflict (tenant_id, user_id) do update set
         name = coalesce($3, u.name),
         email = coalesce($4, u.email),
         role = coalesce($5, u.role),
         fcm_tokens = coalesce($6::jsonb, u.fcm_tokens),
         notification_prefs = coalesce($7::jsonb, u.notification_prefs),
         last_seen_at = now()
       returning ${USER_COLUMNS}`,
      [c.get('tenant').id, userId, name ?? null, email ?? null, role ?? null, tokens ?? null, notificationPrefs ?? null],
    );
    return c.json({ user }, 200);
  });
}
