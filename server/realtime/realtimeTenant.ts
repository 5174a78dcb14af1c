import type { Db } from '../db/Db.ts';

/** The outcome of checking a realtime `apikey`: the tenant's id, or why it is refused. */
export type RealtimeTenant = { id: string } | { refused: string };

/** Resolves a realtime anon key (the `apikey` the client sends) to its active tenant. */
export async function realtimeTenant(db: Db, apikey: string | null | undefined): Promise<RealtimeTenant> {
  if (apikey === null || apikey === undefined || apikey === '') return { refused: 'apikey is required' };
  const [row] = await db.query<{ id: string; status: string }>('select id, status from tenants where realtime_anon_key = $1', [apikey]);
  if (row === undefined) return { refused: 'invalid apikey' };
  if (row.status !== 'active') return { refused: `tenant is ${row.status}` };
  return { id: row.id };
}
