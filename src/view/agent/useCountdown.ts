import type { ReadonlySignal } from '@preact/signals';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * Seconds left until `seconds` from the first render have passed, as a signal that ticks once a second
 * and stops at 0. Counted against a deadline, so a throttled background tab still shows the right value;
 * the timer is cleared on unmount.
 *
 * @param seconds - how long to wait, e.g. an AgentRateLimitError's `retryAfterSeconds`
 * @param onElapsed - called once when it reaches 0
 */
export function useCountdown(seconds: number, onElapsed?: () => void): ReadonlySignal<number> {
  const remaining = useSignal(Math.max(0, Math.ceil(seconds)));
  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    remaining.value = Math.max(0, Math.ceil(seconds));
    if (remaining.value === 0) {
      onElapsed?.();
      return undefined;
    }
    const timer = setInterval(() => {
      remaining.value = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      if (remaining.value === 0) {
        clearInterval(timer);
        onElapsed?.();
      }
    }, 1000);
    return () => clearInterval(timer);
    // A new wait (another 429) restarts the countdown; a new onElapsed identity must not.
  }, [seconds]);
  return remaining;
}
