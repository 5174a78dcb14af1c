import type { Db } from '../db/Db.ts';
import type { UserClaims } from './UserClaims.ts';
import { noteVerified } from './verifiedUsers.ts';

// Enough for every signed-in user of a busy day; past it the set starts over (a repeat costs one cheap update).
const MAX_REMEMBERED = 100_000;

/**
 * Records, once per user and process, that a valid token named this user (`users.identity_verified_at`), making
 * the row if there is none yet: from then on an `optional` tenant refuses anyone acting as them without a token.
 */
export function markVerified(db: Db) {
  const done = new Set<string>();
  return async (tenantId: string, caller: UserClaims): Promise<void> => {
    const key = `${tenantId}\n${caller.userId}`;
    if (done.has(key)) return;
    await db.query(
      `insert into users as u (tenant_id, user_id, name, email, role, identity_verified_at)
       values ($1, $2, $3, $4, coalesce($5, 'customer'), now())
       on conflict (tenant_id, user_id) do update set identity_verified_at = coalesce(u.identity_verified_at, now())`,
      [tenantId, caller.userId, caller.name ?? null, caller.email ?? null, caller.role ?? null],
    );
    noteVerified(db, tenantId, caller.userId);
    if (done.size >= MAX_REMEMBERED) done.clear();
    done.add(key);
  };
}
