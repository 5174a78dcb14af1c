import { Hono } from 'hono';
import { demo } from '../db/seed.ts';
import { mintUserToken } from './mintUserToken.ts';

/** How long a demo token lives: short, so the inbox shows the widget asking for a fresh one. */
const DEMO_TOKEN_SECONDS = 600;

/**
 * `GET /demo/user-token`: `{ token, expires_at }` for the demo tenant's support person (Sam), signed with the demo
 * identity secret. Development only (createServer's `demoTokens`): it hands a staff identity to whoever asks, which
 * is what a real site's login does after checking a password.
 */
export function demoTokenRoutes() {
  return new Hono().get('/demo/user-token', async (c) => {
    const exp = Math.floor(Date.now() / 1000) + DEMO_TOKEN_SECONDS;
    const token = await mintUserToken(demo.identitySecret, { userId: 'support', name: 'Sam (Acme support)', role: 'support' }, exp);
    c.header('cache-control', 'no-store');
    return c.json({ token, expires_at: new Date(exp * 1000).toISOString() });
  });
}
