/** Why a signing secret is refused, or undefined when it is a good one. */
export function secretProblem(secret: string): string | undefined {
  const m = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (m === null || m[1] === undefined) return 'must be whsec_ followed by base64';
  const bytes = Buffer.from(m[1], 'base64').length;
  // Standard Webhooks: 24 to 64 random bytes.
  if (bytes < 24 || bytes > 64) return `must hold 24 to 64 bytes (this one holds ${bytes})`;
  return undefined;
}

/** A new random signing secret in the Standard Webhooks form. */
export function newSecret(): string {
  return `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`;
}
