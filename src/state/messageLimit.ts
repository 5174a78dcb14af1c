/**
 * The longest message the service stores: it counts UTF-16 code units (JavaScript's `length`), as checked here,
 * so the composer refuses exactly what the server would refuse, before anything leaves.
 */
export const MAX_MESSAGE_LENGTH = 10_000;

/** From this length on the composer shows how many characters are left. */
export const COUNTER_FROM = 9_000;

/** Whether a message's text (as it would be sent: trimmed) is over {@link MAX_MESSAGE_LENGTH}. */
export function tooLong(text: string): boolean {
  return text.trim().length > MAX_MESSAGE_LENGTH;
}
