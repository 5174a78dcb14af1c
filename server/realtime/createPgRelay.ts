import { randomUUID } from 'node:crypto';
import type { Db } from '../db/Db.ts';
import type { Broadcast } from './Frame.ts';
import type { Relay } from './RealtimeHub.ts';
import { encodeRelay, RelayDecoder } from './relayCodec.ts';

/** The Postgres channel all server processes of one database share. */
export const RELAY_CHANNEL = 'tinychat_realtime';

/**
 * Shares broadcasts between server processes on one Postgres through LISTEN/NOTIFY (no broker of our own).
 * Each process delivers its own broadcasts at once and skips them when they come back.
 * NOTIFYs go out one batch at a time, each batch one transaction, so other processes see this process's
 * broadcasts in the order they were made.
 * @param handlers.deliver - hands another process's broadcast to this process's sockets
 * @param handlers.onGap - the LISTEN connection was lost and is back; broadcasts may have been missed
 */
export async function createPgRelay(db: Db, handlers: { deliver(b: Broadcast): void; onGap(): void }): Promise<Relay> {
  const origin = randomUUID();
  const decoder = new RelayDecoder(origin);
  let seq = 0;
  let queue: string[] = [];
  let flushing: Promise<void> | undefined;

  const unlisten = await db.listen(
    RELAY_CHANNEL,
    (payload) => {
      const b = decoder.push(payload);
      if (b !== undefined) handlers.deliver(b);
    },
    handlers.onGap,
  );

  const flush = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        if (batch.length === 1) await db.notify(RELAY_CHANNEL, batch[0] as string);
        else
          await db.transaction(async (tx) => {
            for (const p of batch) await tx.query('select pg_notify($1, $2)', [RELAY_CHANNEL, p]);
          });
      } catch (err) {
        // The other processes miss these; this process's own subscribers already have them.
        console.error('realtime relay: NOTIFY failed', err);
      }
    }
    flushing = undefined;
  };

  return {
    publish: (b) => {
      queue.push(...encodeRelay(origin, ++seq, b));
      flushing ??= flush();
    },
    close: async () => {
      await flushing;
      await unlisten();
    },
  };
}
