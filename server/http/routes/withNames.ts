import type { Queryable } from '../../db/Db.ts';

/** A user's name and role as the users table holds them. */
interface Person {
  name: string | null;
  role: string | null;
}

/** The tenant's users among `ids`, by user id: one query however many rows need them. */
async function people(db: Queryable, tenantId: string, ids: Iterable<string>): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.query<{ user_id: string; name: string | null; role: string | null }>(
    'select user_id, name, role from users where tenant_id = $1 and user_id = any($2::text[])',
    [tenantId, wanted],
  );
  return new Map(rows.map((r) => [r.user_id, { name: r.name, role: r.role }]));
}

/**
 * Adds `sender_name` and `sender_role` to message rows from the users table (our extension, default mode only):
 * the name a person gave (`user-name`, upserted) then shows on their messages for everyone, after a reload and
 * in history, not only in a typing event. Null for a sender with no user row (the agent's `bot:<id>`).
 */
export async function withSenderNames<T extends { sender_id: string }>(
  db: Queryable,
  tenantId: string,
  messages: readonly T[],
): Promise<(T & { sender_name: string | null; sender_role: string | null })[]> {
  const known = await people(
    db,
    tenantId,
    messages.map((m) => m.sender_id),
  );
  return messages.map((m) => ({ ...m, sender_name: known.get(m.sender_id)?.name ?? null, sender_role: known.get(m.sender_id)?.role ?? null }));
}

/**
 * Adds `participant_names` (`{ user_id: name }`, only those who gave one) to conversation rows (our extension,
 * default mode only), so a list of conversations can say who each is with.
 */
export async function withParticipantNames<T extends { participants: string[] }>(
  db: Queryable,
  tenantId: string,
  conversations: readonly T[],
): Promise<(T & { participant_names: Record<string, string> })[]> {
  const known = await people(
    db,
    tenantId,
    conversations.flatMap((c) => c.participants),
  );
  return conversations.map((c) => {
    const names: Record<string, string> = {};
    for (const id of c.participants) {
      const name = known.get(id)?.name;
      if (name) names[id] = name;
    }
    return { ...c, participant_names: names };
  });
}

/** The name the users table holds for one user, or null. */
export async function userName(db: Queryable, tenantId: string, userId: string): Promise<string | null> {
  return (await people(db, tenantId, [userId])).get(userId)?.name ?? null;
}
