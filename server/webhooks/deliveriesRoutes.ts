import { Hono } from 'hono';
import type { Db } from '../db/Db.ts';
import { ApiError } from '../http/ApiError.ts';
import { optionalChoice } from '../http/routes/fields.ts';
import { parseLimit } from '../http/routes/parseCursor.ts';
import { isoSql } from '../http/routes/sqlTime.ts';
import { DELIVERY_COLUMNS, DELIVERY_FROM, type DeliveryRow } from './deliveryColumns.ts';
import { WEBHOOK_CHANNEL } from './recordWebhookEvent.ts';
import { serverKeyAuth, type ServerKeyEnv } from './serverKeyAuth.ts';

const STATUSES = ['pending', 'succeeded', 'failed'] as const;

/**
 * The tenant's webhook deliveries, for its backend (secret server key only, no CORS):
 * `GET /webhooks/deliveries?status=&limit=&before=` newest first (`before`: a delivery id from the previous page);
 * `GET /webhooks/deliveries/:id` one with its body and every try;
 * `POST /webhooks/deliveries/:id/retry` sends it again now (202), whatever became of it, with the same webhook-id.
 */
export function deliveriesRoutes(db: Db) {
  const one = async (tenantId: string, id: string) => {
    const [row] = await db.query<DeliveryRow>(`select ${DELIVERY_COLUMNS} from ${DELIVERY_FROM} where d.id = $1 and w.tenant_id = $2`, [id, tenantId]);
    if (row === undefined) throw new ApiError(404, 'delivery not found');
    return row;
  };
  return new Hono<ServerKeyEnv>()
    .use('/webhooks/*', serverKeyAuth(db))
    .get('/webhooks/deliveries', async (c) => {
      const query = { status: c.req.query('status') };
      const status = optionalChoice(query, 'status', STATUSES);
      const limit = parseLimit(c.req.query('limit'));
      const before = c.req.query('before');
      const deliveries = await db.query<DeliveryRow>(
        `select ${DELIVERY_COLUMNS} from ${DELIVERY_FROM}
         where w.tenant_id = $1 and ($2::text is null or d.status = $2)
           and ($3::text is null or d.seq < (select seq from webhook_deliveries where id = $3))
         order by d.seq desc limit $4`,
        [c.get('tenantId'), status ?? null, before ?? null, limit],
      );
      return c.json({ deliveries });
    })
    .get('/webhooks/deliveries/:id', async (c) => {
      const delivery = await one(c.get('tenantId'), c.req.param('id'));
      const [event] = await db.query<{ body: string }>('select body from webhook_events where id = $1', [delivery.event_id]);
      const attempts = await db.query(
        `select ${isoSql('attempted_at')} as attempted_at, duration_ms, status_code, error, response_body, worker
         from webhook_attempts where delivery_id = $1 order by id`,
        [delivery.id],
      );
      return c.json({ delivery: { ...delivery, payload: JSON.parse(event?.body ?? 'null') as unknown }, attempts });
    })
    .post('/webhooks/deliveries/:id/retry', async (c) => {
      const tenantId = c.get('tenantId');
      const before = await one(tenantId, c.req.param('id'));
      if (before.endpoint.status === 'disabled') {
        throw new ApiError(409, `endpoint ${before.endpoint.id} is disabled; set its status to active before retrying`);
      }
      // One more try now; when it fails it is not retried again (give_up_at: now).
      await db.query(`update webhook_deliveries set status = 'pending', next_attempt_at = now(), give_up_at = now(), finished_at = null where id = $1`, [before.id]);
      await db.notify(WEBHOOK_CHANNEL, '');
      return c.json({ delivery: await one(tenantId, before.id) }, 202);
    });
}
