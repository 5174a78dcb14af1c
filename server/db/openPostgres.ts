import pg from 'pg';
import type { Db, Queryable } from './Db.ts';

/**
 * Connects to a real Postgres server.
 * @param connectionString - a `postgres://` URL, as in `DATABASE_URL`
 */
export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start-up, not at the first request, when the URL is wrong.
  (await pool.connect()).release();
  const run = async <T>(q: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) =>
    (await q.query(text, params as unknown[] | undefined)).rows as T[];
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const q: Queryable = { query: (text, params) => run(client, text, params) };
        const result = await fn(q);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    listen: async (channel, onPayload) => {
      // LISTEN needs a connection of its own that stays open.
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end();
      };
    },
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => pool.end(),
  };
}
