/**
 * PostgreSQL SQLSTATE codes the code base reacts to, and predicates over the errors both drivers throw
 * (node-postgres and PGlite put the SQLSTATE in `code`, and the violated constraint's name in
 * `constraint`). One module, so no file spells '23505' again.
 */
export const PgErrorCode = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  ADMIN_SHUTDOWN: '57P01',
  CRASH_SHUTDOWN: '57P02',
  CANNOT_CONNECT_NOW: '57P03',
  TOO_MANY_CONNECTIONS: '53300',
  /** A PL/pgSQL RAISE EXCEPTION without its own code. */
  RAISE_EXCEPTION: 'P0001',
  /** Class 08: connection exceptions (the prefix of every code in the class). */
  CONNECTION_EXCEPTION_CLASS: '08',
} as const;

export interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** The SQLSTATE of a driver error, or undefined for anything else. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as PgErrorFields | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True for a unique violation; with `constraint`, only one of that index or constraint. PGlite does not
 * always fill `constraint`, so the name is looked for in the message too.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== PgErrorCode.UNIQUE_VIOLATION) return false;
  return constraint === undefined || violatedConstraintMentions(error, constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === PgErrorCode.FOREIGN_KEY_VIOLATION;
}

/** A transaction that lost a serialization or deadlock check: safe to retry as a whole. */
export function isRetryableTransactionFailure(error: unknown): boolean {
  const code = sqlState(error);
  return code === PgErrorCode.SERIALIZATION_FAILURE || code === PgErrorCode.DEADLOCK_DETECTED;
}

const UNAVAILABLE_SQLSTATES: ReadonlySet<string> = new Set([
  PgErrorCode.ADMIN_SHUTDOWN,
  PgErrorCode.CRASH_SHUTDOWN,
  PgErrorCode.CANNOT_CONNECT_NOW,
  PgErrorCode.TOO_MANY_CONNECTIONS,
]);

/** The server is shutting down, restarting, refusing connections or the connection broke. */
export function isServerUnavailableState(code: string): boolean {
  return code.startsWith(PgErrorCode.CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_SQLSTATES.has(code);
}

/** Whether the constraint name or the message of the error mentions `text`. */
export function violatedConstraintMentions(error: unknown, text: string): boolean {
  const fields = error as PgErrorFields;
  return `${typeof fields.constraint === 'string' ? fields.constraint : ''} ${typeof fields.message === 'string' ? fields.message : ''}`.includes(
    text,
  );
}
