import { asSentence } from '../asSentence.ts';
import { readErrorBody } from '../readErrorBody.ts';

/**
 * The English sentence when the body gave no reason, per status (seed: tinytalk-api-overview "Error format"), for
 * programs; the view says it by status in the reader's language (`toSentence`). Literal rather than read from
 * en.ts: this file is in the stream worker's bundle too, which should not carry the whole table.
 */
const FALLBACK: Record<number, string> = {
  400: 'The assistant could not read that message.',
  401: 'This assistant is private and the widget is not allowed to use it.',
  403: 'The assistant is not available right now: its plan limit has been reached.',
  404: 'This assistant does not exist.',
  429: 'You are sending messages too quickly.',
};

/**
 * Reads an agent error body (any of the three shapes `readErrorBody` knows) into a code and a sentence that ends
 * with a full stop; `text` is that sentence only when the body gave it (the server's own words).
 *
 * @param status - HTTP status, for the fallback sentence
 * @param body - the parsed JSON body, or its text, or undefined
 */
export function errorSentence(status: number, body: unknown): { message: string; code: string | number | undefined; text: string | undefined } {
  const { message, code } = readErrorBody(body);
  const said = message ? asSentence(message) : undefined;
  return { message: said ?? FALLBACK[status] ?? 'The assistant ran into a problem. Please try again.', code, text: said };
}
