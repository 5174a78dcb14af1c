import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../server/createServer.ts';

const root = new URL('../../', import.meta.url).pathname;

/**
 * A data dir of a freshly migrated and seeded server, made once per machine for what the migrations, the seed and
 * PGlite are now: creating a database takes PGlite 2-5 s, copying one ~0.5 s, and most test files start their
 * own servers. Built aside and renamed into place, so a run cut short or a second worker never sees half of one.
 */
let template: Promise<string> | undefined;
function templateDir(): Promise<string> {
  template ??= (async () => {
    const hash = createHash('sha256');
    const migrations = join(root, 'server/db/migrations');
    for (const file of (await readdir(migrations)).sort()) hash.update(await readFile(join(migrations, file)));
    for (const file of ['server/db/migrate.ts', 'server/db/seed.ts', 'node_modules/@electric-sql/pglite/package.json']) hash.update(await readFile(join(root, file)));
    const dir = join(tmpdir(), `tinychat-template-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(join(dir, 'ready'))) return dir;
    const building = await mkdtemp(join(tmpdir(), 'tinychat-template-build-'));
    await (await createServer({ port: 0, dataDir: building })).close();
    await writeFile(join(building, 'ready'), '');
    // Another worker may have won the race: then its copy is the template and this one goes.
    await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

/** A new data dir holding a fresh server's database (a copy of the template); the caller removes it. */
export async function freshDataDir(prefix = 'tinychat-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(await templateDir(), dir, { recursive: true });
  return dir;
}
