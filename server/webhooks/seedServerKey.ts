import type { Db } from '../db/Db.ts';
import { serverKeyHash } from './serverKeyAuth.ts';

/** The demo tenant's secret server key, for `GET /v1/webhooks/deliveries` (README). */
export const DEMO_SERVER_KEY = 'tiny_server_sk_demo';

/** Seeds the demo tenant's server key unless it exists. */
export async function seedServerKey(db: Db, tenantId: string): Promise<void> {
  await db.query('insert into server_keys (key_hash, tenant_id) values ($1, $2) on conflict do nothing', [serverKeyHash(DEMO_SERVER_KEY), tenantId]);
}
