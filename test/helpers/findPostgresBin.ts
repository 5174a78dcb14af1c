import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

const hasServer = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

/**
 * Where PostgreSQL's server binaries are: `PG_BIN`, else what `pg_config --bindir` says, else the newest
 * `/usr/lib/postgresql/<version>/bin` (Debian puts every major version there side by side).
 * @throws Error with one sentence saying what to install when none is found.
 */
export function findPostgresBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (hasServer(fromEnv)) return fromEnv;
    throw new Error(`PG_BIN is ${fromEnv}, but initdb and pg_ctl are not there.`);
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (hasServer(dir)) return dir;
  } catch {
    // no pg_config on PATH: look where Debian puts the servers
  }
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((v) => /^\d+$/.test(v) && hasServer(join(DEBIAN_ROOT, v, 'bin')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest !== undefined) return join(DEBIAN_ROOT, newest, 'bin');
  throw new Error(
    'These tests need a PostgreSQL server (initdb, pg_ctl): install it with `apt-get install -y postgresql` ' +
      '(bash .ci/run does this), or set PG_BIN to the folder that holds its binaries.',
  );
}
