/** A row-returning SQL runner: a pool, a single connection, or a transaction. */
export interface Queryable {
  /**
   * Runs one parameterised statement and returns its rows.
   * @param text - SQL with `$1`, `$2`… placeholders
   * @param params - values for the placeholders
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** The database the server runs on: embedded PGlite or a real Postgres server, same SQL. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` on one connection that holds the session-level advisory lock `key`, waiting for it while another
   * process holds it; released when `fn` settles.
   */
  withAdvisoryLock<T>(key: number, fn: (conn: Queryable & Pick<Db, 'exec'>) => Promise<T>): Promise<T>;
  /**
   * Subscribes to Postgres `NOTIFY` on a channel; resolves to the unsubscribe function.
   * Realtime uses it so several server processes on one Postgres deliver each other's broadcasts.
   * @param onGap - called when a lost listening connection is back: notifications sent meanwhile are missed
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  /** Sends `NOTIFY channel, payload`. */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
