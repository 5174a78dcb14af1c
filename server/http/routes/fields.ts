import { ApiError } from '../ApiError.ts';
import { isWellFormed } from '../checkJson.ts';

/** A parsed JSON object body (see readJson). */
export type JsonObject = Record<string, unknown>;

/** Longest id we accept (user ids, participants, message ids, idempotency keys). */
export const MAX_ID = 200;
/** Longest message body, in UTF-16 code units as JavaScript counts them. */
export const MAX_BODY = 10_000;

interface TextRule {
  /** @defaultValue MAX_ID */
  max?: number;
}

// Postgres text cannot hold U+0000; letting one through would turn a client's mistake into a 500.
const hasNul = (s: string) => s.includes('\u0000');

function checkText(field: string, v: string, max: number): string {
  if (v.length > max) throw new ApiError(400, `${field} must be at most ${max} characters`);
  if (hasNul(v)) throw new ApiError(400, `${field} must not contain NUL characters`);
  // Query strings and path ids reach here without readJson's check.
  if (!isWellFormed(v)) throw new ApiError(400, `${field} must be well-formed Unicode`);
  return v;
}

/** A required non-blank string: 400 "<field> is required" when absent or blank, clear 400s for type and length. */
export function requiredText(body: JsonObject, field: string, rule: TextRule = {}): string {
  const v = body[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) throw new ApiError(400, `${field} is required`);
  if (typeof v !== 'string') throw new ApiError(400, `${field} must be a string`);
  return checkText(field, v, rule.max ?? MAX_ID);
}

/** An optional string: absent, null or (with `emptyIsAbsent`) "" give undefined. */
export function optionalText(body: JsonObject, field: string, rule: TextRule & { emptyIsAbsent?: boolean } = {}): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ApiError(400, `${field} must be a string`);
  if (rule.emptyIsAbsent && v.trim() === '') return undefined;
  return checkText(field, v, rule.max ?? MAX_ID);
}

/** An optional value out of a fixed set; another value is 400 "<field> must be one of …". */
export function optionalChoice<T extends string>(body: JsonObject, field: string, choices: readonly T[]): T | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw new ApiError(400, `${field} must be one of ${choices.join(', ')}`);
  }
  return v as T;
}

/**
 * A list of strings each 1..`max` long.
 * @param min - fewest items; below it (or not an array) is 400 "<field> is required" when `min` > 0
 */
export function stringList(v: unknown, field: string, { min = 0, maxItems = 100, max = MAX_ID } = {}): string[] {
  if (!Array.isArray(v) || v.length < min) {
    throw new ApiError(400, min > 0 ? `${field} is required` : `${field} must be an array of strings`);
  }
  if (v.length > maxItems) throw new ApiError(400, `${field} must have at most ${maxItems} items`);
  for (const item of v) {
    if (typeof item !== 'string' || item.trim() === '' || item.length > max || hasNul(item) || !isWellFormed(item)) {
      throw new ApiError(400, `${field} must contain only non-empty strings of at most ${max} characters`);
    }
  }
  return v as string[];
}

/** An id taken from the path: anything unusable can name no row, so it is the resource's 404. */
export function pathId(raw: string | undefined, notFound: string): string {
  if (raw === undefined || raw === '' || raw.length > MAX_ID || hasNul(raw) || !isWellFormed(raw)) throw new ApiError(404, notFound);
  return raw;
}

/** True when a JSON value holds a string with U+0000 anywhere (jsonb refuses those). */
export function jsonHasNul(v: unknown): boolean {
  if (typeof v === 'string') return hasNul(v);
  if (Array.isArray(v)) return v.some(jsonHasNul);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasNul(k) || jsonHasNul(x));
  return false;
}
