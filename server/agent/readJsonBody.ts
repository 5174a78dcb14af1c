import type { Context } from 'hono';
import { AgentError } from './AgentError.ts';

/**
 * Reads the request body as JSON.
 * @throws AgentError 400 when it is not valid UTF-8 JSON
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    // fatal: broken UTF-8 is the client's mistake, not text to patch up silently.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
    return JSON.parse(text) as unknown;
  } catch {
    throw new AgentError(400, 'request body must be valid JSON');
  }
}
