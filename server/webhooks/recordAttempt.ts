import type { Queryable } from '../db/Db.ts';
import type { AttemptReport } from './AttemptReport.ts';
import type { ClaimedDelivery } from './claimDeliveries.ts';
import type { PostResult } from './postWebhook.ts';
import { retryDelay } from './retryDelay.ts';

/**
 * Keeps a try and moves its delivery on: 2xx succeeded; 410 failed, and the endpoint disabled (the receiver
 * says it is gone for good); anything else, or no answer, retried after {@link retryDelay}, or failed when the
 * next try would fall past the retry window, which marks the endpoint failing. The delivery is changed only
 * while this claim still holds it: if its lease ran out and another worker took it, that worker decides.
 */
export async function recordAttempt(
  db: Queryable,
  d: ClaimedDelivery,
  token: string,
  worker: string,
  startedAt: Date,
  result: PostResult,
  backoff: { backoffMs: number; maxBackoffMs: number },
): Promise<AttemptReport> {
  const code = result.statusCode;
  const ok = code !== undefined && code >= 200 && code < 300;
  const gone = code === 410;
  const next = new Date(Date.now() + retryDelay(d.attempts, backoff.backoffMs, backoff.maxBackoffMs));
  const outcome: AttemptReport['outcome'] = ok ? 'succeeded' : gone ? 'disabled' : next > d.give_up_at ? 'failed' : 'retrying';
  const error = result.error ?? (ok ? undefined : `answered ${code}`);
  const status = outcome === 'retrying' ? 'pending' : outcome === 'succeeded' ? 'succeeded' : 'failed';
  const endpoint = ok ? 'active' : gone ? 'disabled' : outcome === 'failed' ? 'failing' : null;
  // One statement (one round trip, atomic): the try, the delivery while this claim holds it, and the endpoint's
  // status (failing back to active on a success; active to failing on a last try; disabled on 410).
  await db.query(
    `with a as (
       insert into webhook_attempts (delivery_id, attempted_at, duration_ms, status_code, error, response_body, worker)
       values ($1, $2, $3, $4, $5, $6, $7)
     ), d as (
       update webhook_deliveries set lease_until = null, lease_token = null, last_status_code = $4, last_error = $9,
         status = $10, next_attempt_at = coalesce($11, next_attempt_at), finished_at = case when $10 = 'pending' then null else now() end
       where id = $1 and lease_token = $8 returning webhook_id
     )
     update webhooks w set status = $12, status_changed_at = now()
     from d where w.id = d.webhook_id
       and (($12 = 'active' and w.status = 'failing') or ($12 = 'failing' and w.status = 'active') or ($12 = 'disabled' and w.status <> 'disabled'))`,
    [d.id, startedAt, result.durationMs, code ?? null, result.error ?? null, result.body, worker, token, error ?? null, status, outcome === 'retrying' ? next : null, endpoint],
  );
  return {
    deliveryId: d.id,
    eventType: d.event_type,
    url: d.url,
    attempt: d.attempts,
    statusCode: code,
    error,
    durationMs: result.durationMs,
    outcome,
    nextAttemptAt: outcome === 'retrying' ? next : undefined,
  };
}
