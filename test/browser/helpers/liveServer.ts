import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type RunningServer } from '../../../server/createServer.ts';
import { makeApi, type Api } from '../../server/helpers/testServer.ts';

/** The real server with its data on disk, so that it can be stopped and started again with nothing lost. */
export interface LiveServer {
  /** e.g. `http://127.0.0.1:41234`; the same across restarts */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** REST with the demo key (see test/server/helpers/testServer.ts). */
  readonly api: Api;
  /** The running instance; undefined while stopped. */
  readonly current: RunningServer | undefined;
  /** Closes the server (its sockets too); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data dir. */
  start(): Promise<void>;
  /** Stops it and removes the data dir. */
  dispose(): Promise<void>;
}

const root = new URL('../../../', import.meta.url).pathname;

/**
 * A data dir of a freshly migrated and seeded server, made once per machine for what the migrations, the seed and
 * PGlite are now: creating a database on disk takes PGlite ~5 s, copying one ~0.5 s, and every browser file
 * starts its own server. Built aside and renamed into place, so a run cut short or a second process never sees
 * half of one.
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
    // Another process may have won the race: then its copy is the template and this one goes.
    await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

/** Starts the server on a free loopback port with a fresh data dir on disk (a copy of the template). */
export async function startLiveServer(): Promise<LiveServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tinychat-browser-'));
  await cp(await templateDir(), dataDir, { recursive: true });
  let current: RunningServer | undefined = await createServer({ port: 0, dataDir });
  const port = current.port;
  const url = current.url;
  const live: LiveServer = {
    url,
    port,
    dataDir,
    api: makeApi(url),
    get current() {
      return current;
    },
    async stop() {
      const running = current;
      current = undefined;
      await running?.close();
    },
    async start() {
      if (current) return;
      current = await createServer({ port, dataDir });
    },
    async dispose() {
      await live.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return live;
}
