import { h, type ComponentType, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code is fetched on first use; `preload()` starts the fetch early (on intent). */
export interface LazyComponent<P> {
  (props: P): JSX.Element | null;
  /** Loads the code once per page; every caller shares the same promise. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * Wraps `load` (a dynamic `import()`) as a component: it renders nothing until the code is here, then the real
 * component with the same props. It always calls the same hooks in the same order; the real component's own hooks
 * live in its own child component. A failed load is forgotten so the next mount tries again.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P): JSX.Element | null {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded !== undefined) return undefined;
      let live = true;
      preload().then(
        () => live && setReady(true),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return loaded === undefined ? null : h(loaded as ComponentType<object>, props);
  }
  Lazy.preload = preload;
  return Lazy;
}
