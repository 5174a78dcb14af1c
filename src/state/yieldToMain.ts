interface Scheduler {
  yield?(): Promise<void>;
}

/**
 * Resolves in a later task, so the browser can paint and answer input between two steps of work. A page on a
 * slow phone counts every task over 50 ms as blocking (Lighthouse's Total Blocking Time): the widget's start-up is
 * cut into steps that each stay under it. `scheduler.yield()` keeps the work at the front of the queue where it
 * exists; elsewhere a macrotask.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
