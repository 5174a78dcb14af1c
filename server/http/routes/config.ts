import { Hono } from 'hono';
import type { TenantEnv } from '../tenantAuth.ts';

/** `GET /config`: tenant identity and the realtime endpoint (this server itself). */
export function configRoutes(publicUrl: (requestUrl: string) => string) {
  return new Hono<TenantEnv>().get('/config', (c) => {
    const tenant = c.get('tenant');
    return c.json({
      tenant: { id: tenant.id, name: tenant.name },
      realtime: {
        supabase_url: publicUrl(c.req.url),
        supabase_anon_key: tenant.realtime_anon_key,
        channel_prefix: 'conv:',
      },
    });
  });
}
