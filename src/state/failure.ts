import { toSentence } from '../transport/toSentence.ts';
import type { Sentence } from '../i18n/sentence.ts';

/**
 * How the state layer reads a transport failure without caring which class it is: typed errors carry a
 * numeric `status` when the server answered; anything else (offline, timeout, a dropped answer) did not.
 */
export function statusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') return error.status;
  return null;
}

/** Worth trying again later: no answer at all, or an answer that says "not now" (408, 425, 429, 5xx). */
export function isTransient(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'SecretKeyError' || error.name === 'MissingKeyError')) return false;
  const status = statusOf(error);
  return status === null || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** What a person reads for any failure, as data the view says in their language (issue 6 item 5). */
export function sentenceOf(error: unknown): Sentence {
  return toSentence(error);
}
