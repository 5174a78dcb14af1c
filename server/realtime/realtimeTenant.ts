import type { Db } from '../db/Db.ts';
import type { IdentityMode } from '../identity/UserClaims.ts';

/** A tenant as realtime needs it: who it is, and how its users' tokens are checked. */
export interface RealtimeTenantRow {
  id: string;
  anonKey: string;
  identityMode: IdentityMode;
  identitySecret: string | null;
}

/** The outcome of checking a realtime `apikey`: the tenant, or why it is refused. */
export type RealtimeTenant = RealtimeTenantRow | { refused: string };

/** Resolves a realtime anon key (the `apikey` the client sends) to its active tenant. */
export async function realtimeTenant(db: Db, apikey: string | null | undefined): Promise<RealtimeTenant> {
  if (apikey === null || apikey === undefined || apikey === '') return { refused: 'apikey is required' };
  const [row] = await db.query<{ id: string; status: string; identity_mode: IdentityMode; identity_secret: string | null }>(
    'select id, status, identity_mode, identity_secret from tenants where realtime_anon_key = $1',
    [apikey],
  );
  if (row === undefined) return { refused: 'invalid apikey' };
  if (row.status !== 'active') return { refused: `tenant is ${row.status}` };
  return { id: row.id, anonKey: apikey, identityMode: row.identity_mode, identitySecret: row.identity_secret };
}
