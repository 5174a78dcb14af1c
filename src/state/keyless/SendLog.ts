import type { WidgetStorage } from '../createStorage.ts';

/** Per outbox entry: when it was first tried, and the stored message it turned out to be. */
export type SendLog = Record<string, { at: number; id?: string }>;

const keep = 3 * 24 * 3600_000;

/**
 * The log every tab of this widget shares (localStorage), read and written only under the send lock, so what
 * one tab tried or settled the others see before they send.
 */
export function readSendLog(storage: WidgetStorage): SendLog {
  return storage.get<SendLog>('sent') ?? {};
}

/** Writes one entry's record, dropping records older than three days (no entry waits that long). */
export function writeSendLog(storage: WidgetStorage, key: string, record: { at: number; id?: string }): void {
  const now = Date.now();
  const log = Object.fromEntries(Object.entries(readSendLog(storage)).filter(([, r]) => now - r.at < keep));
  log[key] = record;
  storage.set('sent', log);
}
