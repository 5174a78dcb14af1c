import { h, type ComponentType, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './I18n.tsx';

/** A component whose code is fetched on first use; `preload()` starts the fetch early (on intent). */
export interface LazyComponent<P> {
  (props: P): JSX.Element | null;
  /** Loads the code once per page; every caller shares the same promise. */
  preload(): Promise<ComponentType<P>>;
}

/** Waits between tries of a chunk that failed to load: 2 s, doubling to 30 s; `online` tries at once. */
const retryDelay = (tries: number) => Math.min(30_000, 2_000 * 2 ** tries);

/**
 * Wraps `load` (a dynamic `import()`) as a component: it renders nothing until the code is here, then the real
 * component with the same props. It always calls the same hooks in the same order; the real component's own hooks
 * live in its own child component. A failed load (offline, a server restart) says so in its place and is tried
 * again while it is on screen, at once when the browser is back online; browsers fetch a failed module again.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  let failed = false;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  // One retry loop for the part, however many copies of it are on screen (every image row of a thread): each
  // mounted copy is told when the load succeeds or fails; the loop runs while one is mounted.
  const mounted = new Set<() => void>();
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tell = () => mounted.forEach((update) => update());
  const attempt = (): void => {
    clearTimeout(timer);
    timer = undefined;
    preload().then(tell, () => {
      failed = true;
      tell();
      if (mounted.size > 0) timer = setTimeout(attempt, retryDelay(tries++));
    });
  };
  const mount = (update: () => void): (() => void) => {
    mounted.add(update);
    if (mounted.size === 1) {
      globalThis.addEventListener?.('online', attempt);
      attempt();
    }
    return () => {
      mounted.delete(update);
      if (mounted.size > 0) return;
      clearTimeout(timer);
      timer = undefined;
      globalThis.removeEventListener?.('online', attempt);
    };
  };

  function Lazy(props: P): JSX.Element | null {
    const t = useT();
    const [, rerender] = useState(0);
    useEffect(() => (loaded === undefined ? mount(() => rerender((n) => n + 1)) : undefined), []);
    if (loaded !== undefined) return h(loaded as ComponentType<object>, props);
    return failed ? (
      <p class="tc-note" role="status">
        {t('partNotLoaded')}
      </p>
    ) : null;
  }
  Lazy.preload = preload;
  return Lazy;
}
