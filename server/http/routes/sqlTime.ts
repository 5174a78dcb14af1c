/**
 * SQL that renders a timestamptz column as ISO-8601 UTC with microseconds, e.g. `2026-01-15T10:21:09.114123Z`.
 * The drivers would hand back a JS Date, which keeps only milliseconds; message times are unique per
 * conversation only to the microsecond, and the `before` cursor must round-trip exactly.
 * @param column - a column or expression of type timestamptz (trusted SQL, never user input)
 */
export function isoSql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
