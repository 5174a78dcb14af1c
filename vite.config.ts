import { defineConfig } from 'vite';
import { realtimeShims } from './scripts/realtimeShims.ts';
import { trimPhoenix } from './scripts/trimPhoenix.ts';

interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null;
}

/**
 * True when the script-tag entry (`src/script.ts`) imports a module statically (a chain of static imports reaches
 * it), so that path loads it whether or not a lazy feature is ever used. Memoized per build.
 */
function eagerIn(graph: ModuleGraph, id: string, memo: Map<string, boolean>, seen = new Set<string>()): boolean {
  const known = memo.get(id);
  if (known !== undefined) return known;
  if (seen.has(id)) return false;
  seen.add(id);
  const info = graph.getModuleInfo(id);
  const eager = info !== null && (scriptEntry.test(id) || info.importers.some((importer) => eagerIn(graph, importer, memo, seen)));
  memo.set(id, eager);
  return eager;
}
let eagerMemo = new Map<string, boolean>();
const scriptEntry = /[\\/]src[\\/]script\.ts$/;

/**
 * The widget's module build: `tinychat.mjs` (the side-effect-free library entry) and `tinychat.script.mjs`
 * (what the `tinychat.js` loader imports), sharing chunks; realtime is a lazy chunk of its own.
 * `scripts/build.ts` adds the loader (a classic script), `errors.mjs` and the type declarations.
 */
export default defineConfig({
  // Libraries read it to strip development checks; the widget always runs as production code.
  define: { 'process.env.NODE_ENV': '"production"' },
  esbuild: { legalComments: 'none' },
  plugins: [trimPhoenix(), realtimeShims(), { name: 'tinychat:eager-memo', buildStart: () => void (eagerMemo = new Map()) }],
  // Relative: the agent's stream worker (`?worker&url`) is found beside the chunk that starts it, wherever dist/ is served.
  base: './',
  build: {
    outDir: 'dist',
    // Where the stream worker's script goes (Vite's asset dir), beside the other chunks.
    assetsDir: 'chunks',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: { tinychat: 'src/index.ts', 'tinychat.script': 'src/script.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.mjs`,
    },
    rollupOptions: {
      // Vite keeps whitespace and annotations in ES library output so bundlers can shake it further; ours
      // also goes straight to browsers (the script tag, a CDN), so it is minified fully.
      output: {
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        minify: true,
        comments: false,
        // Every module the entries import statically goes into one chunk ("widget"), with the entries' own code:
        // left alone, rolldown also splits what the eager code shares with the lazy chunks (preact, i18n) into a
        // second eagerly loaded chunk, which costs gzip and a request. Lazy chunks (realtime, agent, images,
        // editor, locales) stay their own.
        codeSplitting: {
          groups: [{ name: (id, graph) => (eagerIn(graph, id, eagerMemo) ? 'widget' : null), debugName: 'widget' }],
        },
      },
    },
  },
});
