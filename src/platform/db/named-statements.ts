import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';

/**
 * Named prepared statements for the few hot statements that ask for one.
 *
 * node-postgres sends every statement unnamed: the whole SQL text goes out with each call and
 * PostgreSQL parses, analyses and plans it again. A statement that starts with `namedStatement(name)`
 * is instead prepared once per connection under that name: later calls send only Bind/Execute with the
 * parameters, and PostgreSQL reuses the parsed statement (and, once it has seen it a few times, a
 * cached plan). The mark is an SQL comment, so the same statement runs unchanged on PGlite, on a pool
 * without naming (below), and in logs.
 *
 * A connection pooler in transaction mode (PgBouncer < 1.21) hands each transaction a different server
 * connection, where a statement prepared on another one does not exist: such deployments turn naming
 * off with DATABASE_NAMED_STATEMENTS=false, and the mark is then only a comment.
 */
const MARK_START = '/* statement ';
const MARK_END = ' */';
const NAME_PATTERN = /^[a-z][a-z0-9_.-]{0,62}$/;

/**
 * The leading mark of a statement to prepare under `name`. Each name must always stand for the same
 * SQL text (node-postgres refuses a name reused for a different text), so a statement whose text
 * varies needs one name per variant.
 */
export function namedStatement(name: string): RawBuilder<unknown> {
  if (!NAME_PATTERN.test(name)) throw new Error(`invalid statement name: ${name}`);
  return sql.raw(`${MARK_START}${name}${MARK_END}\n`);
}

/** The statement's name when its text starts with a mark, else undefined. */
export function statementName(text: string): string | undefined {
  if (!text.startsWith(MARK_START)) return undefined;
  const end = text.indexOf(MARK_END, MARK_START.length);
  return end > MARK_START.length ? text.slice(MARK_START.length, end) : undefined;
}

/**
 * A pg client that sends marked statements as named prepared statements; everything else (and every
 * call with a callback or a query object) goes through unchanged. Given to pg.Pool as its `Client`.
 */
export class NamedStatementClient extends pg.Client {
  // The base method is a set of overloads; this one forwards to it with the same arguments.
  override query(config: any, values?: any, callback?: any): any {
    const name = typeof config === 'string' && callback === undefined ? statementName(config) : undefined;
    return name ? this.namedQuery(name, config, values) : super.query(config, values, callback);
  }

  /**
   * Runs `text` as the prepared statement `name`. The query is built from the text and then named:
   * node-postgres copies a config object property by property (2 µs, a measurable share of a like
   * toggle), a string it takes as it is.
   */
  private namedQuery(name: string, text: string, values: unknown[] | undefined): Promise<pg.QueryResult> {
    let query!: pg.Query;
    const result = new Promise<pg.QueryResult>((resolve, reject) => {
      query = new pg.Query(text, values, (error, answer) => (error ? reject(error) : resolve(answer)));
    }).catch((error: Error) => {
      // As node-postgres does: the stack then leads back to the caller, not to the socket read.
      Error.captureStackTrace(error);
      throw error;
    });
    // The field node-postgres reads to prepare the statement once per connection under this name.
    (query as pg.Query & { name?: string }).name = name;
    super.query(query);
    return result;
  }
}
