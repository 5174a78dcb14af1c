import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './Db.ts';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The advisory lock every server process takes around its migrations (any constant; it only has to be ours). */
export const MIGRATION_LOCK = 0x7c_4d_16_0b;

/**
 * Applies every `migrations/NNN_*.sql` not yet applied, in name order, each in its own transaction.
 * Under an advisory lock: two processes starting together on one empty Postgres would otherwise both create the
 * same tables and one crash on `pg_type_typname_nsp_index`; the second now waits, then finds them applied.
 */
export async function migrate(db: Db): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  await db.withAdvisoryLock(MIGRATION_LOCK, async (conn) => {
    await conn.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    const applied = new Set((await conn.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
    for (const name of files) {
      if (applied.has(name)) continue;
      const sql = await readFile(dir + name, 'utf8');
      try {
        await conn.exec(`begin;\n${sql}\ninsert into schema_migrations (name) values ('${name}');\ncommit;`);
      } catch (err) {
        // A failed script leaves its transaction open on this connection; end it so the unlock can run.
        await conn.exec('rollback').catch(() => undefined);
        throw err;
      }
    }
  });
}
