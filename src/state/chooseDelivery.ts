import type { TinyChatApi, TinyChatConfig } from '../transport/types.ts';
import type { Outbox } from './createOutbox.ts';
import type { WidgetStorage } from './createStorage.ts';

/**
 * Tells the outbox how to send, from what the server says it has: with Idempotency-Keys where `/v1/config`
 * lists `idempotency_key` (falling back to keyless sends if the browser refuses the header), else keyless sends
 * that look in history before a retry. The keyless code is a chunk of its own: our own server never needs it.
 */
export function chooseDelivery(outbox: Outbox, config: TinyChatConfig, api: TinyChatApi, storage: WidgetStorage, lockName: string): void {
  const keyless = () => import('./keyless/createKeylessDelivery.ts').then((m) => m.createKeylessDelivery(api, storage, lockName));
  if (config.features?.includes('idempotency_key')) outbox.useDelivery(null, keyless);
  // Should the chunk not load, keyed sends at least end in a sentence if refused, never in a silent wait.
  else
    keyless().then(
      (d) => outbox.useDelivery(d),
      () => outbox.useDelivery(null),
    );
}
