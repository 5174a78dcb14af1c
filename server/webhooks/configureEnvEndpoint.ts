import type { Db } from '../db/Db.ts';
import { checkEndpointUrl } from './checkEndpointUrl.ts';
import { newSecret, secretProblem } from './webhookSecret.ts';
import { WebhookConfigError } from './WebhookConfigError.ts';
import type { WebhookSettings } from './WebhookSettings.ts';

/** The id of the endpoint `TINYCHAT_WEBHOOK_URL` configures. */
export const ENV_ENDPOINT_ID = 'wh_env';

/**
 * Makes the `webhooks` row of `TINYCHAT_WEBHOOK_URL` match the settings: written (every event) when a URL is
 * set, disabled when not, so a restart without it stops sending there. Throws a {@link WebhookConfigError}
 * for a URL or secret that cannot work, before the server starts.
 */
export async function configureEnvEndpoint(db: Db, tenantId: string, settings: WebhookSettings): Promise<void> {
  if (settings.url === undefined) {
    await db.query(`update webhooks set status = 'disabled', status_changed_at = now() where id = $1 and status <> 'disabled'`, [ENV_ENDPOINT_ID]);
    return;
  }
  await checkEndpointUrl(settings.url, settings.allowPrivate, 'TINYCHAT_WEBHOOK_URL');
  if (settings.secret === undefined) {
    throw new WebhookConfigError(`TINYCHAT_WEBHOOK_SECRET is required with TINYCHAT_WEBHOOK_URL, for example TINYCHAT_WEBHOOK_SECRET=${newSecret()}`);
  }
  const problem = secretProblem(settings.secret);
  if (problem !== undefined) throw new WebhookConfigError(`TINYCHAT_WEBHOOK_SECRET ${problem}, for example ${newSecret()}`);
  await db.query(
    `insert into webhooks (id, tenant_id, url, secret, description) values ($1, $2, $3, $4, 'TINYCHAT_WEBHOOK_URL')
     on conflict (id) do update set url = excluded.url, secret = excluded.secret, tenant_id = excluded.tenant_id,
       status = 'active', status_changed_at = case when webhooks.status <> 'active' then now() else webhooks.status_changed_at end`,
    [ENV_ENDPOINT_ID, tenantId, settings.url, settings.secret],
  );
}
