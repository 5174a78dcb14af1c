import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBin } from '../helpers/findPostgresBin.ts';

describe('findPostgresBin', () => {
  const saved = process.env.PG_BIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.PG_BIN;
    else process.env.PG_BIN = saved;
  });

  it('finds a folder that holds initdb and pg_ctl on this machine', () => {
    delete process.env.PG_BIN;
    const dir = findPostgresBin();
    expect(existsSync(join(dir, 'initdb'))).toBe(true);
    expect(existsSync(join(dir, 'pg_ctl'))).toBe(true);
  });

  it('says what is wrong when PG_BIN points at a folder without the server', () => {
    process.env.PG_BIN = '/nonexistent/pg/bin';
    expect(() => findPostgresBin()).toThrow('PG_BIN is /nonexistent/pg/bin, but initdb and pg_ctl are not there.');
  });
});
