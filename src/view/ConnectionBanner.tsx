import type { Connection } from '../state/types.ts';
import { useT } from './I18n.tsx';

/**
 * "Reconnecting…" in role=status while the realtime socket is down. Only then: the first 'connecting' is too brief
 * to be worth a flash, and what was written meanwhile stays in the outbox either way.
 */
export function ConnectionBanner({ connection }: { connection: Connection }) {
  const t = useT();
  if (connection !== 'reconnecting') return null;
  return (
    <p class="tc-banner" role="status">
      {t('reconnecting')}
    </p>
  );
}
