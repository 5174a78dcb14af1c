import { Hono } from 'hono';
import { demo } from '../db/seed.ts';
import type { UserClaims } from './UserClaims.ts';
import { mintUserToken } from './mintUserToken.ts';

/** How long a demo token lives: short, so the pages show the widget asking for a fresh one. */
const DEMO_TOKEN_SECONDS = 600;

/** Who the demo pages sign in as: the inbox's support person (Acme, optional mode) and Secure Shop's shopper. */
const DEMO_USERS: Record<string, Omit<UserClaims, 'expiresAt'>> = {
  support: { userId: 'support', name: 'Sam (Acme support)', role: 'support' },
  shopper: { userId: 'u_shopper', name: 'Ada', role: 'customer' },
};

/**
 * `GET /demo/user-token?for=support|shopper`: `{ token, expires_at }`, signed with the demo identity secret.
 * Development only (createServer's `demoTokens`): it hands a staff identity to whoever asks, which is what a real
 * site's login does only after checking a password.
 */
export function demoTokenRoutes() {
  return new Hono().get('/demo/user-token', async (c) => {
    const user = DEMO_USERS[c.req.query('for') ?? 'support'];
    if (user === undefined) return c.json({ error: `for must be one of ${Object.keys(DEMO_USERS).join(', ')}` }, 400);
    const exp = Math.floor(Date.now() / 1000) + DEMO_TOKEN_SECONDS;
    const token = await mintUserToken(demo.identitySecret, user, exp);
    c.header('cache-control', 'no-store');
    return c.json({ token, expires_at: new Date(exp * 1000).toISOString() });
  });
}
