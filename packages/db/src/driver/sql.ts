/** A row as returned by the driver. */
export type Row = Record<string, unknown>;

/** Something queries run on: the database itself or an open transaction. */
export interface Sql {
  /** Runs one parameterised statement; `name` makes PostgreSQL prepare it once per connection. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[], name?: string): Promise<R[]>;
}

/** The database handle: queries, transactions, and shutdown. */
export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** The SQLSTATE of a driver error, if any. */
export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** The violated constraint of a unique or check violation, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const named = (error as { constraint?: unknown }).constraint;
  if (typeof named === 'string') {
    return named;
  }
  // PGlite reports the constraint only in the message.
  const message = error instanceof Error ? error.message : '';
  return /constraint "([^"]+)"/.exec(message)?.[1];
}

/** True for a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}
