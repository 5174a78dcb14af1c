/**
 * When a user token (a JWT) expires, in ms since the epoch, read from its payload's `exp` without checking the
 * signature: the server checks it, the widget only needs to know when to ask for a fresh one. Undefined when the
 * token has no readable `exp`.
 */
export function tokenExpiry(token: string): number | undefined {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
