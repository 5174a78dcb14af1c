import type { Db } from '../db/Db.ts';
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
  db: Db,
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
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into webhook_attempts (delivery_id, attempted_at, duration_ms, status_code, error, response_body, worker)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [d.id, startedAt, result.durationMs, code ?? null, result.error ?? null, result.body, worker],
    );
    const [mine] = await tx.query(
      `update webhook_deliveries set lease_until = null, lease_token = null, last_status_code = $3, last_error = $4,
         status = $5, next_attempt_at = coalesce($6, next_attempt_at), finished_at = case when $5 = 'pending' then null else now() end
       where id = $1 and lease_token = $2 returning 1`,
      [d.id, token, code ?? null, error ?? null, outcome === 'retrying' ? 'pending' : outcome === 'succeeded' ? 'succeeded' : 'failed', outcome === 'retrying' ? next : null],
    );
    if (mine === undefined) return;
    if (ok) await tx.query(`update webhooks set status = 'active', status_changed_at = now() where id = $1 and status = 'failing'`, [d.webhook_id]);
    else if (gone) await tx.query(`update webhooks set status = 'disabled', status_changed_at = now() where id = $1`, [d.webhook_id]);
    else if (outcome === 'failed') {
      await tx.query(`update webhooks set status = 'failing', status_changed_at = now() where id = $1 and status = 'active'`, [d.webhook_id]);
    }
  });
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
