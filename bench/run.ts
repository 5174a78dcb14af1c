import { readdir } from 'node:fs/promises';

// `npm run bench [name…]`: runs every bench/*.bench.ts (or those named), one after another so they
// do not compete for the two cores; each writes its own section of BENCHMARKS.md.
const only = process.argv.slice(2);
const files = (await readdir(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(new URL(file, import.meta.url).href)) as { default: () => Promise<void> };
  await mod.default();
}
process.exit(0);
