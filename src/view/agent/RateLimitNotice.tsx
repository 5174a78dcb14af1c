import { useLocale, useT } from '../I18n.tsx';
import { formatWait } from '../../i18n/formatWait.ts';
import { useCountdown } from './useCountdown.ts';

/** Props of {@link RateLimitNotice}. */
export interface RateLimitNoticeProps {
  /** Seconds to wait (an AgentRateLimitError's `retryAfterSeconds`). */
  retryAfter: number;
  /** The sentence before the wait, already in the reader's language. @defaultValue t('tooQuickly') */
  message?: string;
  /** Called once when the wait is over (e.g. to re-enable Send). */
  onElapsed?: () => void;
}

/**
 * Says how long to wait after a 429 and counts down in seconds. The sentence is an alert; the ticking
 * number is excluded from the live region so a screen reader is not interrupted every second.
 */
export function RateLimitNotice({ retryAfter, message, onElapsed }: RateLimitNoticeProps) {
  const remaining = useCountdown(retryAfter, onElapsed);
  const left = remaining.value;
  const t = useT();
  const { tag } = useLocale();
  return (
    <p class="tc-rate-limit" role="alert">
      {message ?? t('tooQuickly')} <span aria-live="off">{left > 0 ? t('sendAgainIn', { wait: formatWait(left, tag) }) : t('sendAgainNow')}</span>
    </p>
  );
}
