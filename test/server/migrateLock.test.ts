import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { openPostgres } from '../../server/db/openPostgres.ts';
import { createDatabase, startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { startServerProcess } from '../widget/agent/helpers/serverProcess.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

let round = 0;
const emptyDatabase = () => createDatabase(postgres.url, `migrate_${process.pid}_${(round += 1)}`);

describe('migrations on one empty Postgres', () => {
  // Processes cost seconds each to start, so one pair here; the racing migrators below repeat the race cheaply.
  it('two server processes starting together both come up', async () => {
    for (let i = 0; i < 1; i += 1) {
      const databaseUrl = await emptyDatabase();
      const servers = await Promise.all([startServerProcess({ databaseUrl }), startServerProcess({ databaseUrl })]);
      try {
        for (const s of servers) {
          const res = await fetch(`${s.url}/v1/config`, { headers: { 'x-tinychat-api-key': 'pk_test_demo' } });
          expect(res.status).toBe(200);
        }
      } finally {
        await Promise.all(servers.map((s) => s.close()));
      }
    }
  });

  it('many racing migrators apply each migration once', async () => {
    for (let i = 0; i < 5; i += 1) {
      const databaseUrl = await emptyDatabase();
      const dbs = await Promise.all([1, 2, 3, 4].map(() => openPostgres(databaseUrl)));
      try {
        await Promise.all(dbs.map((db) => migrate(db)));
        const [first] = dbs;
        const rows = await first!.query<{ name: string; n: number }>('select name, count(*)::int as n from schema_migrations group by name');
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.n === 1)).toBe(true);
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
    }
  });
});
