import type { ReadonlySignal } from '@preact/signals';

/** Resolves once `source` holds a value `done` accepts (at once if it already does). */
export function until<T>(source: ReadonlySignal<T>, done: (value: T) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = source.subscribe((value) => {
      if (!done(value)) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

/** Resolves once a busy flag is false. */
export const settled = (busy: ReadonlySignal<boolean>): Promise<void> => until(busy, (b) => !b);
