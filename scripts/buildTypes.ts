/**
 * The package's declarations: one bundled `dist/tinychat.d.ts` (rollup-plugin-dts) holding only what the module
 * entry exports, in syntax TypeScript 4.7 reads; `dist/errors.d.ts` re-exports its error part; the framework
 * typings (`types/*.d.ts`) are copied beside it.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

/**
 * @param dist - the build's output folder
 */
export async function buildTypes(dist: string): Promise<void> {
  const bundle = await rollup({
    input: 'src/index.ts',
    plugins: [
      dts({
        tsconfig: 'tsconfig.build.json',
        compilerOptions: { stripInternal: true, allowImportingTsExtensions: true },
      }),
    ],
  });
  await bundle.write({ file: join(dist, 'tinychat.d.ts'), format: 'es' });
  await bundle.close();

  // `tinychat-widget/errors` has no declarations of its own: re-exporting the bundle's keeps one HttpError type.
  const names = [...readFileSync('src/transport/errors/index.ts', 'utf8').matchAll(/export\s*\{([^}]*)\}/g)]
    .flatMap((m) => (m[1] ?? '').split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  writeFileSync(join(dist, 'errors.d.ts'), `export { ${names.join(', ')} } from './tinychat.js';\n`);

  for (const file of readdirSync('types')) if (file.endsWith('.d.ts')) copyFileSync(join('types', file), join(dist, file));
}
