import type { Connection } from '../state/types.ts';
import { useT } from './I18n.tsx';

/**
 * "Reconnecting…" in role=status while the realtime socket is down, and while the device is offline that it is
 * offline and what is written waits. Only then: the first 'connecting' is too brief to be worth a flash, and what
 * was written meanwhile stays in the outbox either way.
 */
export function ConnectionBanner({ connection }: { connection: Connection }) {
  const t = useT();
  if (connection !== 'reconnecting' && connection !== 'offline') return null;
  return (
    <p class="tc-banner" role="status" data-connection={connection}>
      {t(connection === 'offline' ? 'offline' : 'reconnecting')}
    </p>
  );
}
