import type { Queryable } from '../db/Db.ts';

/** A delivery a worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  /** Tries so far, this one included. */
  attempts: number;
  /** When it stops being retried. */
  give_up_at: Date;
  event_type: string;
  body: string;
  webhook_id: string;
  url: string;
  secret: string;
}

// A delivery is due when it is pending, its time has come, no worker holds it, its endpoint is not disabled,
// and it is the oldest pending one of its chain (endpoint and conversation): that keeps each conversation's
// events in order at the receiver, while other chains go on past a receiver that is slow for one of them.
const DUE = `d.status = 'pending' and d.next_attempt_at <= now() and (d.lease_until is null or d.lease_until < now())
  and not exists (select 1 from webhook_deliveries p where p.webhook_id = d.webhook_id and p.chain = d.chain and p.status = 'pending' and p.seq < d.seq)`;

/**
 * Takes up to `limit` due deliveries for `leaseMs`. `for update skip locked` lets several processes claim at
 * the same moment without waiting for each other or taking the same row; the lease then keeps the others
 * off it while it is being sent, and runs out if this process dies.
 * @param token - this claim's own mark, so only it can record the outcome
 * @param retryForMs - the retry window, for deliveries that were never retried by hand
 */
export async function claimDeliveries(db: Queryable, limit: number, leaseMs: number, token: string, retryForMs: number): Promise<ClaimedDelivery[]> {
  return db.query<ClaimedDelivery>(
    `update webhook_deliveries c set lease_until = now() + $2 * interval '1 millisecond', lease_token = $3, attempts = c.attempts + 1
     from webhook_events e, webhooks w
     where c.id in (
         select d.id from webhook_deliveries d join webhooks dw on dw.id = d.webhook_id and dw.status <> 'disabled'
         where ${DUE} order by d.seq limit $1 for update of d skip locked)
       and e.id = c.event_id and w.id = c.webhook_id
     returning c.id, c.attempts, coalesce(c.give_up_at, c.created_at + $4 * interval '1 millisecond') as give_up_at,
       e.type as event_type, e.body, w.id as webhook_id, w.url, w.secret`,
    [limit, leaseMs, token, retryForMs],
  );
}

/** When the worker should look again: the earliest moment a delivery becomes due, or undefined for none. */
export async function nextDueAt(db: Queryable): Promise<Date | undefined> {
  const [row] = await db.query<{ at: Date | null }>(
    `select min(greatest(d.next_attempt_at, coalesce(d.lease_until, d.next_attempt_at))) as at
     from webhook_deliveries d join webhooks dw on dw.id = d.webhook_id and dw.status <> 'disabled'
     where d.status = 'pending'
       and not exists (select 1 from webhook_deliveries p where p.webhook_id = d.webhook_id and p.chain = d.chain and p.status = 'pending' and p.seq < d.seq)`,
  );
  return row?.at ?? undefined;
}
