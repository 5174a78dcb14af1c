import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGETS, measureBudgets, OVER_FOR_NOW, type BudgetName } from '../../scripts/sizeBudgets.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(repo, 'dist');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the size budgets (checked by npm run build)', () => {
  it('hold for the built widget, each counting the files it names', async () => {
    const results = await measureBudgets(dist);
    expect(results.map((r) => r.name).sort()).toEqual(Object.keys(BUDGETS).sort());
    // A budget known to be over must still be over: once it fits, it leaves OVER_FOR_NOW and is enforced again.
    for (const r of results) expect(r.ok, `${r.name}: ${r.gzip} of ${r.limit}`).toBe(!OVER_FOR_NOW.has(r.name));
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('loader')?.files).toEqual(['tinychat.js']);
    expect(byName.get('openAndSend')?.files.some((f) => /realtimeClient-/.test(f))).toBe(true);
    expect(byName.get('agent')?.files.some((f) => f.endsWith('.js'))).toBe(true);
  });

  it.each(Object.keys(BUDGETS) as BudgetName[])('fail when %s is one byte over, and not at its limit', async (name) => {
    const measured = await measureBudgets(dist);
    const actual = measured.find((r) => r.name === name)?.gzip ?? 0;
    const failing = async (limit: number) => (await measureBudgets(dist, { ...BUDGETS, [name]: limit })).filter((r) => !r.ok).map((r) => r.name);
    expect(await failing(actual - 1)).toContain(name);
    expect(await failing(actual)).not.toContain(name);
  });

  it('stop the build: the check exits 1 when the loader grows past 1.5 KB', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'tinychat-budget-'));
    scratch.push(copy);
    cpSync(dist, copy, { recursive: true });
    // Random text does not compress: 1 KB of it puts the 1.4 KB loader over its budget.
    appendFileSync(join(copy, 'tinychat.js'), `/*${randomBytes(768).toString('base64')}*/`);
    const run = promisify(execFile)('npx', ['tsx', 'scripts/sizeBudgets.ts', copy], { cwd: repo });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('loader') });
    // The same check passes on the untouched build.
    await expect(promisify(execFile)('npx', ['tsx', 'scripts/sizeBudgets.ts', dist], { cwd: repo })).resolves.toMatchObject({
      stdout: expect.stringContaining('ok   loader'),
    });
  });
});
