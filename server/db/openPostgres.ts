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
  const run = async <T>(q: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => (await q.query(text, params as unknown[] | undefined)).rows as T[];
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
    withAdvisoryLock: async (key, fn) => {
      // A session lock lives on one connection, so everything under it runs on that same client.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn({ query: (text, params) => run(client, text, params), exec: async (sql) => void (await client.query(sql)) });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    listen: async (channel, onPayload, onGap) => {
      // LISTEN needs a connection of its own that stays open; when it is lost (server restart, network),
      // it is opened again with a growing pause, and onGap says notifications may have been missed.
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const open = async () => {
        const c = new pg.Client({ connectionString });
        const lost = () => {
          if (client !== c || stopped) return;
          client = undefined;
          c.end().catch(() => undefined);
          reopen(100);
        };
        // Without an 'error' listener a dropped connection would crash the process.
        c.on('error', lost);
        c.on('end', lost);
        c.on('notification', (n) => {
          if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
        });
        try {
          await c.connect();
          await c.query(`listen ${pg.escapeIdentifier(channel)}`);
        } catch (err) {
          c.end().catch(() => undefined);
          throw err;
        }
        if (stopped) {
          // Unsubscribed while this was connecting: an open client would keep the process alive.
          c.end().catch(() => undefined);
          throw new Error('unsubscribed');
        }
        client = c;
      };
      const reopen = (delay: number) => {
        retry = setTimeout(() => {
          if (stopped) return;
          open().then(
            () => onGap?.(),
            () => reopen(Math.min(delay * 2, 5000)),
          );
        }, delay);
      };
      await open();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await client?.end();
      };
    },
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => pool.end(),
  };
}
