import { Hono } from 'hono';
import type { AgentHealth } from '../../health/HealthMonitor.ts';
import type { TenantEnv } from '../tenantAuth.ts';

/**
 * `GET /config`: tenant identity and the realtime endpoint (this server itself).
 * @param agentHealth - adds `agent: { healthy, checked_at }` so the widget can offer a person instead; the
 *   health key stays on the server
 * @param features - our extensions this server has (default mode), for the widget to use only what is listed
 */
export function configRoutes(publicUrl: (requestUrl: string) => string, agentHealth?: () => Promise<AgentHealth>, features?: readonly string[]) {
  return new Hono<TenantEnv>().get('/config', async (c) => {
    const tenant = c.get('tenant');
    return c.json({
      tenant: { id: tenant.id, name: tenant.name },
      realtime: {
        supabase_url: publicUrl(c.req.url),
        supabase_anon_key: tenant.realtime_anon_key,
        channel_prefix: 'conv:',
      },
      ...(agentHealth === undefined ? {} : { agent: await agentHealth() }),
      ...(features === undefined ? {} : { features }),
    });
  });
}
