import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './Db.ts';

/**
 * Opens embedded Postgres (PGlite).
 * @param dataDir - folder kept between runs; `undefined` for a throwaway in-memory database
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = await PGlite.create(dataDir === undefined ? undefined : { dataDir });
  const run = async <T>(q: Pick<PGlite, 'query'>, text: string, params?: readonly unknown[]) => (await q.query<T>(text, params as unknown[] | undefined)).rows;
  return {
    kind: 'pglite',
    query: (text, params) => run(pg, text, params),
    transaction: (fn) =>
      pg.transaction((tx) => {
        const q: Queryable = { query: (text, params) => run(tx, text, params) };
        return fn(q);
      }),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    // An embedded database has one connection and one process: nobody else can be migrating it at once.
    withAdvisoryLock: (_key, fn) => fn({ query: (text, params) => run(pg, text, params), exec: async (sql) => void (await pg.exec(sql)) }),
    // One process, one embedded database: the listener is never lost, so there is no gap to report.
    listen: async (channel, onPayload) => {
      const unsub = await pg.listen(channel, onPayload);
      return async () => unsub();
    },
    notify: async (channel, payload) => {
      await pg.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => pg.close(),
  };
}
