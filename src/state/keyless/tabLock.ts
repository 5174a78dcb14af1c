/**
 * Runs `fn` while no other tab of this origin runs under the same name (Web Locks), so two tabs holding the
 * same unsent message never send it at once. Without Web Locks (old browsers, insecure pages) it just runs.
 */
export function tabLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: { request(name: string, cb: () => Promise<T>): Promise<T> } } | undefined)?.locks;
  return locks === undefined ? fn() : locks.request(name, fn);
}
