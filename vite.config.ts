import { defineConfig } from 'vite';

/**
 * The widget's module build: `tinychat.mjs` (the side-effect-free library entry) and `tinychat.script.mjs`
 * (what the `tinychat.js` loader imports), sharing chunks; realtime is a lazy chunk of its own.
 * `scripts/build.ts` adds the loader (a classic script) and the type declarations.
 */
export default defineConfig({
  // Libraries read it to strip development checks; the widget always runs as production code.
  define: { 'process.env.NODE_ENV': '"production"' },
  esbuild: { legalComments: 'none' },
  build: {
    outDir: 'dist',
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
      output: { chunkFileNames: 'chunks/[name]-[hash].mjs', minify: true, comments: false },
    },
  },
});
