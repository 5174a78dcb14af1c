/**
 * Which API surface the server speaks.
 * - `default`: the seeds' surface plus our extensions, each advertised in `/v1/config`'s `features`.
 * - `hosted`: exactly what the hosted TinyChat service documents, nothing of ours, so an integrator finds out
 *   before going live whether their client needs something the hosted API does not have.
 */
export type Compat = 'default' | 'hosted';

/**
 * Reads `TINYCHAT_COMPAT` (`hosted`, or unset/empty/`default` for the default mode).
 * @throws Error naming the variable for any other value: a typo must not silently run the other mode
 */
export function compatFromEnv(env: Record<string, string | undefined>): Compat {
  const raw = (env.TINYCHAT_COMPAT ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'default') return 'default';
  if (raw === 'hosted') return 'hosted';
  throw new Error(`TINYCHAT_COMPAT must be "hosted" or unset (default mode), got ${JSON.stringify(env.TINYCHAT_COMPAT)}`);
}

/** True when our extensions are on (default mode). */
export function extensionsOn(compat: Compat): boolean {
  return compat !== 'hosted';
}
