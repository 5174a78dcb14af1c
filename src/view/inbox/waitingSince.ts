import type { ConversationSummary } from '../../state/types.ts';
import { parseTime } from '../formatTime.ts';
import type { StringKey } from '../../i18n/en.ts';
import { visitorsOf } from './visitorName.ts';

/**
 * Since when a visitor waits for an answer, or null: the last message is a visitor's (live, or the server's
 * `last_sender_id`) and nobody answered after it. The server's `waiting_since` is the first of the unanswered
 * messages; a visitor who wrote live after an answer waits since that message.
 */
export function waitingSince(summary: ConversationSummary, me: string): Date | null {
  const from = summary.lastSenderId;
  if (from == null || !visitorsOf(summary, me).includes(from)) return null;
  const since = summary.conversation.waiting_since ?? summary.lastAt;
  return since == null ? null : parseTime(since);
}

/** "Waiting 3 min" (at least 1), "Waiting 2 h" from an hour on. */
export function waitingText(since: Date, now: number, t: (key: StringKey, values?: Readonly<Record<string, string>>) => string): string {
  const minutes = Math.max(1, Math.floor((now - since.getTime()) / 60_000));
  return minutes < 60 ? t('waitingMinutes', { count: String(minutes) }) : t('waitingHours', { count: String(Math.floor(minutes / 60)) });
}

/** Handed over by the agent (the server's mark) and still waiting for a person. */
export function handedOver(summary: ConversationSummary, me: string): boolean {
  return summary.conversation.handed_over === true && waitingSince(summary, me) !== null;
}
