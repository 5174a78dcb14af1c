import type { TinyChatApi } from '../../transport/types.ts';
import type { WidgetStorage } from '../createStorage.ts';
import type { Delivery } from '../Delivery.ts';
import { findSent } from './findSent.ts';
import { readSendLog, writeSendLog } from './SendLog.ts';
import { tabLock } from './tabLock.ts';

/**
 * Sends without an Idempotency-Key (the hosted API has none): a retry must not make a second message, so an
 * entry tried before (here or in another tab, after a lost answer, a timeout, a 5xx or a reload) is first
 * looked for in history and claimed; only when it is not there is it sent again. Under a lock shared by the
 * tabs, with a log they share, so two tabs never both send one entry.
 * @param lockName - one per widget namespace, so widgets of different sites on one origin do not wait for each other
 */
export function createKeylessDelivery(api: TinyChatApi, storage: WidgetStorage, lockName: string): Delivery {
  return (entry) =>
    tabLock(lockName, async () => {
      const log = readSendLog(storage);
      const mine = log[entry.key];
      if (mine?.id !== undefined) {
        // Settled already, by another tab or before a reload: show the stored message if it is in view.
        const page = await api.history(entry.conversationId, { limit: 50 });
        return page.find((m) => m.id === mine.id) ?? null;
      }
      if (mine !== undefined) {
        const taken = new Set(Object.values(log).flatMap((r) => (r.id === undefined ? [] : [r.id])));
        const stored = await findSent(api, entry, taken);
        if (stored !== null) {
          writeSendLog(storage, entry.key, { at: mine.at, id: stored.id });
          return stored;
        }
      }
      // Written before the request leaves: if its answer is lost, whoever tries next looks first.
      writeSendLog(storage, entry.key, { at: mine?.at ?? Date.now() });
      const message = await api.send(entry.conversationId, entry.input, '');
      writeSendLog(storage, entry.key, { at: mine?.at ?? Date.now(), id: message.id });
      return message;
    });
}
