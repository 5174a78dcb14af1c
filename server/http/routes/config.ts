import { Hono } from 'hono';
import { extensionsOnFor } from '../../compat/compatContext.ts';
import { FEATURES } from '../../compat/features.ts';
import type { AgentHealth } from '../../health/HealthMonitor.ts';
import type { TenantEnv } from '../tenantAuth.ts';

/**
 * `GET /config`: tenant identity and the realtime endpoint (this server itself). In default mode it also lists
 * our extensions as `features`, so a client uses one only where it exists; hosted mode sends the seed's fields only.
 * @param agentHealth - adds `agent: { healthy, checked_at }` (default mode) so the widget can offer a person
 *   instead; the health key stays on the server
 */
export function configRoutes(publicUrl: (requestUrl: string) => string, agentHealth?: () => Promise<AgentHealth>) {
  return new Hono<TenantEnv>().get('/config', async (c) => {
    const tenant = c.get('tenant');
    const seed = {
      tenant: { id: tenant.id, name: tenant.name },
      realtime: {
        supabase_url: publicUrl(c.req.url),
        supabase_anon_key: tenant.realtime_anon_key,
        channel_prefix: 'conv:',
      },
    };
    if (!extensionsOnFor(c)) return c.json(seed);
    return c.json({
      ...seed,
      features: FEATURES,
      ...(agentHealth === undefined ? {} : { agent: await agentHealth() }),
    });
  });
}
