import type { AttemptReport } from './AttemptReport.ts';

/** How outbound webhooks are sent. */
export interface WebhookSettings {
  /** The demo tenant's endpoint (`TINYCHAT_WEBHOOK_URL`); undefined: none from the environment. */
  url: string | undefined;
  /** Its signing secret, `whsec_` + base64 (`TINYCHAT_WEBHOOK_SECRET`). */
  secret: string | undefined;
  /** Pause before the first retry; each later one doubles it (`TINYCHAT_WEBHOOK_BACKOFF_MS`). @defaultValue 5000 */
  backoffMs: number;
  /** The longest pause between two tries. @defaultValue 3600000 (1 h) */
  maxBackoffMs: number;
  /** How long after the event a delivery is still retried; then it has failed. @defaultValue 86400000 (24 h) */
  retryForMs: number;
  /** How long one try may take, connection to the last byte (`TINYCHAT_WEBHOOK_TIMEOUT_MS`). @defaultValue 15000 */
  timeoutMs: number;
  /** Let endpoints resolve to loopback and private addresses (`TINYCHAT_WEBHOOK_ALLOW_PRIVATE=1`). @defaultValue false */
  allowPrivate: boolean;
  /** Deliveries one process sends at once (each to a different endpoint or conversation). @defaultValue 16 */
  concurrency: number;
  /** Called after every try (the demo prints them). */
  onAttempt?: (report: AttemptReport) => void;
}

const number = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/**
 * Reads the webhook settings from the environment: `TINYCHAT_WEBHOOK_URL`, `TINYCHAT_WEBHOOK_SECRET`,
 * `TINYCHAT_WEBHOOK_BACKOFF_MS`, `TINYCHAT_WEBHOOK_TIMEOUT_MS`, `TINYCHAT_WEBHOOK_ALLOW_PRIVATE`.
 */
export function webhookSettingsFromEnv(env: Record<string, string | undefined>): WebhookSettings {
  return {
    url: env.TINYCHAT_WEBHOOK_URL?.trim() || undefined,
    secret: env.TINYCHAT_WEBHOOK_SECRET?.trim() || undefined,
    backoffMs: Math.max(1, number(env.TINYCHAT_WEBHOOK_BACKOFF_MS, 5000)),
    maxBackoffMs: 3_600_000,
    retryForMs: 86_400_000,
    timeoutMs: Math.max(1, number(env.TINYCHAT_WEBHOOK_TIMEOUT_MS, 15_000)),
    allowPrivate: env.TINYCHAT_WEBHOOK_ALLOW_PRIVATE === '1' || env.TINYCHAT_WEBHOOK_ALLOW_PRIVATE === 'true',
    concurrency: 16,
  };
}
