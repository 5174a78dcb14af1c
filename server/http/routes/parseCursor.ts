import { ApiError } from '../ApiError.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a `before` cursor: ISO-8601 with a date, time and zone, at most microseconds. Returned unchanged for
 * Postgres to read, so no precision is lost on the way; an impossible date (Feb 31) is refused here, not by
 * the database.
 */
export function parseCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const bad = () => new ApiError(400, 'before must be an ISO-8601 timestamp, e.g. 2026-01-15T10:21:09.114123Z');
  const m = ISO.exec(raw);
  if (m === null) throw bad();
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (y < 1 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw bad();
  const zone = m[8] as string;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 15 || Number(zone.slice(4)) > 59)) throw bad();
  return raw;
}

/** `limit`: an integer 1..200, default 50. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 50;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > 200) {
    throw new ApiError(400, 'limit must be an integer from 1 to 200');
  }
  return Number(raw);
}
