import type { Db } from '../db/Db.ts';
import { configureEnvEndpoint } from './configureEnvEndpoint.ts';
import { createWebhookWorker, type WebhookWorker } from './createWebhookWorker.ts';
import { webhookSettingsFromEnv, type WebhookSettings } from './WebhookSettings.ts';

/**
 * Configures the endpoint of `TINYCHAT_WEBHOOK_URL` for `tenantId` and starts this process's delivery worker.
 * @param overrides - settings over the environment's (tests: a short backoff, a loopback receiver)
 * @throws WebhookConfigError when the configured URL or secret cannot work
 */
export async function startWebhooks(db: Db, tenantId: string, overrides: Partial<WebhookSettings> = {}): Promise<WebhookWorker> {
  const settings = { ...webhookSettingsFromEnv(process.env), ...overrides };
  await configureEnvEndpoint(db, tenantId, settings);
  return createWebhookWorker(db, settings);
}
