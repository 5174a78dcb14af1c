import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBin } from './findPostgresBin.ts';

const run = promisify(execFile);

export interface TestPostgres {
  /** `postgres://…` for a fresh database on the throwaway cluster */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway Postgres cluster (whichever version is installed) in a temp folder on a free loopback port.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const BIN = findPostgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'tinychat-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(uid), Number(gid));
    await chmod(dir, 0o700);
  }
  const pg = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args]) : run(join(BIN, cmd), args));
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  await pg('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a new empty database on the cluster and returns its URL (one per test file keeps them apart). */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const pgmod = await import('pg');
  const client = new pgmod.default.Client({ connectionString: clusterUrl });
  await client.connect();
  await client.query(`create database ${pgmod.default.escapeIdentifier(name)}`);
  await client.end();
  const u = new URL(clusterUrl);
  u.pathname = '/' + name;
  return u.toString();
}
