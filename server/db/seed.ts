import { seedServerKey } from '../webhooks/seedServerKey.ts';
import type { Db } from './Db.ts';

/** The demo data (tenant, keys, bot, users) the README documents; inserted once, left alone after that. */
export const demo = {
  tenant: { id: '11111111-2222-3333-4444-555555555555', name: 'Acme Logistics', key: 'pk_test_demo', anonKey: 'rt_anon_demo' },
  otherTenant: { id: '66666666-7777-8888-9999-000000000000', name: 'Other Co', key: 'pk_test_other', anonKey: 'rt_anon_other' },
  publicBot: 'demo-bot',
  privateBot: 'private-bot',
  privateBotKey: 'tiny_sk_demo',
  healthKey: 'tk_test_demo',
} as const;

/** Inserts the demo tenants, agents and keys unless they exist. */
export async function seed(db: Db): Promise<void> {
  const { tenant: t, otherTenant: o } = demo;
  await db.query(
    `insert into tenants (id, name, publishable_key, realtime_anon_key) values ($1,$2,$3,$4), ($5,$6,$7,$8)
     on conflict do nothing`,
    [t.id, t.name, t.key, t.anonKey, o.id, o.name, o.key, o.anonKey],
  );
  await db.query(
    `insert into agents (id, tenant_id, name, visibility, allowed_origins) values
       ($1, $3, 'Acme Assistant', 'public', '{}'),
       ($2, $3, 'Acme Internal', 'private', '{}')
     on conflict do nothing`,
    [demo.publicBot, demo.privateBot, t.id],
  );
  await db.query('insert into agent_keys (key, agent_id) values ($1, $2) on conflict do nothing', [demo.privateBotKey, demo.privateBot]);
  await seedServerKey(db, t.id);
  await db.query(`insert into health_keys (key, scopes) values ($1, '{health:read}') on conflict do nothing`, [demo.healthKey]);
}
