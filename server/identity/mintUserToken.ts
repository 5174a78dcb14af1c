import { SignJWT } from 'jose';
import type { Role } from './UserClaims.ts';

/**
 * Signs a user token (HS256) as a site's own server would: what the demo and the tests use. Keep the secret on
 * the server; the browser gets only the token.
 * @param expiresIn - a jose time span such as '1h' or '90s', or an absolute `exp` in seconds
 */
export async function mintUserToken(secret: string, user: { userId: string; name?: string; email?: string; role?: Role }, expiresIn: string | number = '1h'): Promise<string> {
  const claims = { ...(user.name ? { name: user.name } : {}), ...(user.email ? { email: user.email } : {}), ...(user.role ? { role: user.role } : {}) };
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(user.userId).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));
}
