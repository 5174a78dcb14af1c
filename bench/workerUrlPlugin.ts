import type { Plugin } from 'esbuild';

/**
 * Vite's `?worker&url` import (the stream worker's URL) for a bench page bundled with esbuild: the import becomes
 * `url`, where the bench serves the worker's own bundle or the built one.
 */
export function workerUrlPlugin(url: string): Plugin {
  return {
    name: 'worker-url',
    setup(b) {
      b.onResolve({ filter: /\?worker&url$/ }, (args) => ({ path: args.path, namespace: 'worker-url' }));
      b.onLoad({ filter: /.*/, namespace: 'worker-url' }, () => ({ contents: `export default ${JSON.stringify(url)};`, loader: 'js' }));
    },
  };
}
