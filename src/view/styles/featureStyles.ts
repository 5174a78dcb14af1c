/**
 * Stylesheets that arrive with lazy chunks (the message editor, the image dialog, the upload tray, the agent):
 * a chunk calls {@link addFeatureStyles} with its CSS when it loads, before its components first render, and
 * every widget root on the page adopts it after the main sheet (`src/element/adoptStyles.ts`); roots made later
 * get it too. Only our own CSS strings, never data.
 */
const loaded: string[] = [];
const listeners = new Set<(css: string) => void>();

/** Adds a lazy feature's CSS to every widget root, once however often it is called. */
export function addFeatureStyles(css: string): void {
  if (loaded.includes(css)) return;
  loaded.push(css);
  for (const listener of listeners) listener(css);
}

/** Calls `listener` with each feature's CSS loaded so far, then with each one that loads; returns a stop function. */
export function onFeatureStyles(listener: (css: string) => void): () => void {
  for (const css of loaded) listener(css);
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** A lazy chunk's module once its CSS (`css(module)`) is on every widget root: `import()` for a feature with styles. */
export function withFeatureStyles<M>(module: Promise<M>, css: (loaded: M) => string): Promise<M> {
  return module.then((loaded) => {
    addFeatureStyles(css(loaded));
    return loaded;
  });
}
