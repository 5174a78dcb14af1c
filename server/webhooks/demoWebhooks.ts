import { compatFromEnv } from '../compat/Compat.ts';
import type { AttemptReport } from './AttemptReport.ts';
import { DEMO_SERVER_KEY } from './seedServerKey.ts';
import { startEchoReceiver } from './startEchoReceiver.ts';
import { newSecret } from './webhookSecret.ts';
import type { WebhookSettings } from './WebhookSettings.ts';

/** A line for the demo's console about one try. */
export function describeAttempt(a: AttemptReport): string {
  const answer = a.statusCode === undefined ? (a.error ?? 'no answer') : `${a.statusCode}`;
  const next = a.outcome === 'retrying' && a.nextAttemptAt ? `, retry at ${a.nextAttemptAt.toISOString().slice(11, 19)}` : a.outcome === 'succeeded' ? '' : `, ${a.outcome}`;
  return `webhook        ${a.eventType} ${a.deliveryId} try ${a.attempt} → ${answer} in ${a.durationMs} ms${next}`;
}

/**
 * The demo's webhook settings: with `--webhook-echo`, a loopback receiver that prints what it gets becomes the
 * demo tenant's endpoint (signed with `TINYCHAT_WEBHOOK_SECRET` or a new secret); with `TINYCHAT_WEBHOOK_URL`,
 * that endpoint. Either way every try is printed.
 */
export async function demoWebhooks(argv: readonly string[], env: Record<string, string | undefined>): Promise<{ settings: Partial<WebhookSettings>; banner: string }> {
  const onAttempt = (a: AttemptReport) => console.log(describeAttempt(a));
  const deliveries =
    compatFromEnv(env) === 'hosted' ? 'deliveries endpoint off in hosted mode' : `deliveries: curl -H 'authorization: Bearer ${DEMO_SERVER_KEY}' <server>/v1/webhooks/deliveries`;
  if (argv.includes('--webhook-echo')) {
    const secret = env.TINYCHAT_WEBHOOK_SECRET?.trim() || newSecret();
    const echo = await startEchoReceiver(secret);
    return {
      settings: { url: echo.url, secret, allowPrivate: true, onAttempt },
      banner: `  webhooks         ${echo.url} (echo receiver, secret ${secret}); ${deliveries}`,
    };
  }
  if (env.TINYCHAT_WEBHOOK_URL?.trim()) return { settings: { onAttempt }, banner: `  webhooks         ${env.TINYCHAT_WEBHOOK_URL.trim()}; ${deliveries}` };
  return { settings: {}, banner: `  webhooks         none (TINYCHAT_WEBHOOK_URL, or npm run demo -- --webhook-echo)` };
}
