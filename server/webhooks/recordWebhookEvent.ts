import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/Db.ts';
import type { WebhookEventType } from './WebhookEventType.ts';

/** The NOTIFY channel that wakes every process's worker when deliveries are committed. */
export const WEBHOOK_CHANNEL = 'tinychat_webhooks';

/**
 * Writes an event to the outbox with one delivery per endpoint of the tenant that wants it. Call it inside the
 * transaction that makes the change: the event commits with the change or not at all, and NOTIFY (transactional
 * too) wakes the workers only after the commit. Writes nothing when no endpoint wants the event.
 * @param chain - what the event's order is kept within: the conversation's id
 * @param data - the row as REST returns it
 * @example await recordWebhookEvent(tx, tenantId, 'message.created', message.conversation_id, message)
 */
export async function recordWebhookEvent(tx: Queryable, tenantId: string, type: WebhookEventType, chain: string, data: unknown): Promise<void> {
  const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data });
  await tx.query(
    `with w as (
       select id from webhooks where tenant_id = $1 and status <> 'disabled' and (cardinality(events) = 0 or $2 = any(events))
     ), e as (
       insert into webhook_events (id, tenant_id, type, body) select $3, $1, $2, $4 where exists (select 1 from w) returning id
     ), d as (
       insert into webhook_deliveries (id, event_id, webhook_id, chain)
       select 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, w.id, $5 from e cross join w
       returning 1
     )
     select pg_notify('${WEBHOOK_CHANNEL}', '') where exists (select 1 from d)`,
    [tenantId, type, `evt_${randomUUID().replaceAll('-', '')}`, body, chain],
  );
}
