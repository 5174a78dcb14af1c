import { isoSql } from '../http/routes/sqlTime.ts';

/** A delivery as `GET /v1/webhooks/deliveries` serves it. */
export interface DeliveryRow {
  /** The webhook-id. */
  id: string;
  event_id: string;
  event_type: string;
  endpoint: { id: string; url: string; status: 'active' | 'failing' | 'disabled' };
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  /** When the next try is due; null once it has succeeded or failed. */
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** The select list that yields a DeliveryRow from `webhook_deliveries d` joined with `webhook_events e` and `webhooks w`. */
export const DELIVERY_COLUMNS = `d.id, d.event_id, e.type as event_type,
  json_build_object('id', w.id, 'url', w.url, 'status', w.status) as endpoint, d.status, d.attempts,
  case when d.status = 'pending' then ${isoSql('greatest(d.next_attempt_at, coalesce(d.lease_until, d.next_attempt_at))')} end as next_attempt_at,
  d.last_status_code, d.last_error, ${isoSql('d.created_at')} as created_at, ${isoSql('d.finished_at')} as finished_at`;

/** The FROM clause of {@link DELIVERY_COLUMNS}. */
export const DELIVERY_FROM = 'webhook_deliveries d join webhook_events e on e.id = d.event_id join webhooks w on w.id = d.webhook_id';
