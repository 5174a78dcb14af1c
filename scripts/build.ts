/**
 * `npm run build`: the module build (vite.config.ts), the classic loader `tinychat.js`, type declarations,
 * then a size report (raw, gzip per file) so every change to `src/` shows what it costs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const dist = 'dist';

await build({ logLevel: 'warn' });
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'TinyChatLoader', fileName: () => 'tinychat.js' },
  },
});

// Declarations for the module entry; TypeScript 5 (see package.json) emits them.
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
writeFileSync(join(dist, 'tinychat.d.mts'), "export * from './types/index.ts';\n");

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const rows = files(dist)
  .filter((f) => /\.(m?js)$/.test(f))
  .map((f) => {
    const bytes = readFileSync(f);
    return { file: relative(dist, f), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log('\nsize report (dist/)');
for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(9)} ${kb(r.gzip).padStart(9)} gzip`);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`  ${'all JavaScript'.padEnd(44)} ${''.padStart(9)} ${kb(total).padStart(9)} gzip\n`);
