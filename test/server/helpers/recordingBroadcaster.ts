import type { Broadcaster } from '../../../server/realtime/Broadcaster.ts';

/** One call of Broadcaster.broadcast. */
export interface Broadcast {
  topic: string;
  event: string;
  payload: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads are inspected loosely in tests
}

/** A Broadcaster that keeps every broadcast, so tests can read what REST changes put on a channel. */
export function recordingBroadcaster(): Broadcaster & { sent: Broadcast[] } {
  const sent: Broadcast[] = [];
  return { sent, broadcast: (topic, event, payload) => void sent.push({ topic, event, payload }) };
}
