import type { RealtimeClient } from '@supabase/supabase-js';

let pending: Promise<typeof RealtimeClient> | undefined;

/**
 * Loads supabase-js's `RealtimeClient` on first use (once per page), so the realtime chunk is fetched after the
 * launcher is on screen rather than with the first script (15 KB gzip first-load budget).
 * A failed load is forgotten, so the next subscribe tries again (a flaky network at the wrong moment).
 */
export function loadRealtimeClient(): Promise<typeof RealtimeClient> {
  pending ??= import('./realtimeClient.ts').then(
    (m) => m.RealtimeClient,
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
