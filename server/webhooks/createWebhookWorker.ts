import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/Db.ts';
import { claimDeliveries, nextDueAt, type ClaimedDelivery } from './claimDeliveries.ts';
import { postWebhook } from './postWebhook.ts';
import { recordAttempt } from './recordAttempt.ts';
import { WEBHOOK_CHANNEL } from './recordWebhookEvent.ts';
import type { WebhookSettings } from './WebhookSettings.ts';

/** The loop that sends a process's share of the outbox. */
export interface WebhookWorker {
  /** Looks for due deliveries now (after a retry by hand; NOTIFY does it after each committed event). */
  poke(): void;
  /** Stops claiming, aborts the tries in flight and hands their deliveries back. */
  stop(): Promise<void>;
}

// Even with nothing announced, look again this often: a NOTIFY missed while a connection was down, or a lease
// another process left behind, is picked up by then at the latest.
const IDLE_CHECK_MS = 10_000;

/** Signs one try: the same body and webhook-id every time, the timestamp of this try. */
function signedHeaders(d: ClaimedDelivery, at: Date): Record<string, string> {
  return {
    'webhook-id': d.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(d.secret).sign(d.id, at, d.body),
  };
}

/**
 * Starts delivering: claims due deliveries (at most `concurrency` at once, one per chain), sends each signed
 * with a timeout, records the try, and looks again when an event is committed (NOTIFY from any process), when
 * a try ends, and when the next retry is due. Nothing here runs inside a request.
 */
export async function createWebhookWorker(db: Db, settings: WebhookSettings): Promise<WebhookWorker> {
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // A try never outlasts its timeout, so its lease only runs out when the process is gone or stuck.
  const leaseMs = settings.timeoutMs + 5_000;
  const inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  let stopped = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const wakeAt = (at: Date | undefined) => {
    clearTimeout(timer);
    if (stopped) return;
    const ms = at === undefined ? IDLE_CHECK_MS : Math.min(IDLE_CHECK_MS, Math.max(0, at.getTime() - Date.now()));
    timer = setTimeout(poke, ms);
    timer.unref();
  };

  const send = (d: ClaimedDelivery, token: string) => {
    const abort = new AbortController();
    const done = (async () => {
      const startedAt = new Date();
      const result = await postWebhook(d.url, signedHeaders(d, startedAt), d.body, { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate, signal: abort.signal });
      if (abort.signal.aborted) {
        // Stopping, not the receiver's fault: hand it back untried so the next process sends it at once.
        await db.query('update webhook_deliveries set lease_until = null, lease_token = null, attempts = attempts - 1 where id = $1 and lease_token = $2', [d.id, token]);
        return;
      }
      const report = await recordAttempt(db, d, token, worker, startedAt, result, settings);
      settings.onAttempt?.(report);
    })()
      .catch((err: unknown) => {
        // The database failed to take the outcome; the lease runs out and the delivery is tried again.
        if (!stopped) console.error('webhook delivery', d.id, err);
      })
      .finally(() => {
        inFlight.delete(d.id);
        poke();
      });
    inFlight.set(d.id, { abort, done });
  };

  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        const free = settings.concurrency - inFlight.size;
        if (free <= 0) break;
        const token = randomUUID();
        const claimed = await claimDeliveries(db, free, leaseMs, token, settings.retryForMs);
        if (stopped) {
          await db.query('update webhook_deliveries set lease_until = null, lease_token = null, attempts = attempts - 1 where lease_token = $1', [token]);
          return;
        }
        for (const d of claimed) send(d, token);
        if (claimed.length === free) again = true;
      } while (again && !stopped);
      // While tries are in flight, each one's end looks again; the next due time matters only when idle.
      if (inFlight.size === 0) wakeAt(await nextDueAt(db));
    } catch (err) {
      if (stopped) return;
      console.error('webhook worker', err);
      wakeAt(new Date(Date.now() + 1000));
    } finally {
      running = false;
    }
  };

  function poke() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    void run().then(() => {
      if (again && !stopped) poke();
    });
  }

  const unlisten = await db.listen(WEBHOOK_CHANNEL, poke, poke);
  poke();
  let stopping: Promise<void> | undefined;
  return {
    poke,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await unlisten().catch(() => undefined);
        for (const { abort } of inFlight.values()) abort.abort();
        await Promise.all([...inFlight.values()].map((f) => f.done));
        while (running) await new Promise((r) => setTimeout(r, 5));
      })()),
  };
}
