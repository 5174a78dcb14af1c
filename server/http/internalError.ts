import { randomBytes } from 'node:crypto';

/**
 * Logs an unexpected error with a fresh request id and gives the sentence a client sees instead: no stack, no
 * database message, just what to do and the id to quote.
 * @param where - what was being served, for the log line
 */
export function internalError(err: unknown, where: string): { id: string; sentence: string } {
  const id = `req_${randomBytes(8).toString('hex')}`;
  console.error(`[${id}] ${where}:`, err);
  return { id, sentence: `something went wrong on our side; please try again (request id ${id})` };
}
