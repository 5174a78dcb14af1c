import { useEffect, useState } from 'preact/hooks';

/** `Date.now()`, updated every `everyMs`: the waiting marks ("Waiting 3 min") grow while the inbox is open. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
