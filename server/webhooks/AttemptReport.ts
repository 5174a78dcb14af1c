/** One try to deliver an event, as the worker reports it. */
export interface AttemptReport {
  /** The webhook-id. */
  deliveryId: string;
  eventType: string;
  url: string;
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's status code; undefined when there was no answer. */
  statusCode: number | undefined;
  /** Why there was no answer (refused, timed out, private address…). */
  error: string | undefined;
  durationMs: number;
  /** What happens next. */
  outcome: 'succeeded' | 'retrying' | 'failed' | 'disabled';
  /** When the next try is due, for `retrying`. */
  nextAttemptAt: Date | undefined;
}
