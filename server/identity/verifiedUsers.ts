import type { Queryable } from '../db/Db.ts';

/** How long "not signed in with a token yet" is believed before the database is asked again. */
const UNVERIFIED_TTL_MS = 5_000;
// Bounded: past this many remembered users the cache starts over (a miss costs one indexed query).
const MAX_ENTRIES = 100_000;

const caches = new WeakMap<Queryable, Map<string, number>>();
const cacheOf = (db: Queryable) => {
  let cache = caches.get(db);
  if (cache === undefined) caches.set(db, (cache = new Map()));
  return cache;
};

/**
 * Whether this user has ever signed in with a user token (`users.identity_verified_at`), asked of the database at
 * most every few seconds per user: an `optional` tenant asks on every write without a token. Signing in is for
 * good, so a yes is kept; another process's new yes is seen within UNVERIFIED_TTL_MS.
 */
export async function isVerified(db: Queryable, tenantId: string, userId: string): Promise<boolean> {
  const cache = cacheOf(db);
  const key = `${tenantId}\n${userId}`;
  const until = cache.get(key);
  if (until === Infinity) return true;
  if (until !== undefined && until > Date.now()) return false;
  const rows = await db.query('select 1 from users where tenant_id = $1 and user_id = $2 and identity_verified_at is not null', [tenantId, userId]);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, rows.length > 0 ? Infinity : Date.now() + UNVERIFIED_TTL_MS);
  return rows.length > 0;
}

/** Notes, in this process at once, that the user signed in with a token. */
export function noteVerified(db: Queryable, tenantId: string, userId: string): void {
  cacheOf(db).set(`${tenantId}\n${userId}`, Infinity);
}
