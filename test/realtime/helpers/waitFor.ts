/**
 * Waits until `condition` holds (checked every few milliseconds); throws with `what` if it never does within
 * `ms`, which is generous: tests wait for conditions, they do not time them.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
