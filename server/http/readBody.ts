import type { Context } from 'hono';
import { ApiError } from './ApiError.ts';
import { jsonProblem } from './checkJson.ts';

type Json = Record<string, unknown>;

/**
 * Parses the JSON object body; anything else is the seed's 400 "invalid json". Strings with a lone surrogate
 * and nesting past MAX_JSON_DEPTH are 400s naming the field: left in, they fail later (jsonb, a deep stringify)
 * as a 500.
 */
export async function readJson(c: Context): Promise<Json> {
  let text: string;
  try {
    // fatal: broken UTF-8 is a client mistake, not something to silently replace.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    throw new ApiError(400, 'invalid json');
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid json');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, 'invalid json');
  const problem = jsonProblem(value);
  if (problem !== undefined) throw new ApiError(400, problem);
  return value as Json;
}

/** A required non-empty string field, else 400 "<field> is required". */
export function requiredString(body: Json, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v.trim() === '') throw new ApiError(400, `${field} is required`);
  return v;
}

/** An optional string field: absent or null gives undefined; another type is 400 "<field> must be a string". */
export function optionalString(body: Json, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ApiError(400, `${field} must be a string`);
  return v;
}
