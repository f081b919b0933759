import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

export interface PopularQuery {
  query: string;
  searches: number;
}
export interface ZeroResultQuery {
  query: string;
  searches: number;
  lastSearchedAt: Date;
}
export interface ZeroResultCursor {
  lastSearchedAt: string;
  query: string;
}

/** How far back suggestions and the zero-results list look. */
const WINDOW = '7 days';

export async function logQuery(db: Executor, queryNormalised: string, resultCount: number): Promise<void> {
  await db
    .insertInto('search_queries')
    .values({ query_normalised: queryNormalised, result_count: resultCount })
    .execute();
}

/** Queries that found something, most searched over the last 7 days first. */
export async function popularQueries(db: Executor, limit: number): Promise<PopularQuery[]> {
  const { rows } = await sql<PopularQuery>`
    select query_normalised as query, count(*)::int as searches from search_queries
    where created_at > now() - ${WINDOW}::interval and result_count > 0
    group by query_normalised
    order by searches desc, query
    limit ${limit}`.execute(db);
  return rows;
}

/** Queries that found nothing in the last 7 days, most recently searched first (keyset on last search, query). */
export async function zeroResultQueries(
  db: Executor,
  limit: number,
  after?: ZeroResultCursor,
): Promise<ZeroResultQuery[]> {
  const afterCondition = after
    ? sql`having max(created_at) < ${after.lastSearchedAt}::timestamptz
        or (max(created_at) = ${after.lastSearchedAt}::timestamptz and query_normalised > ${after.query})`
    : sql``;
  const { rows } = await sql<{ query: string; searches: number; last_searched_at: Date }>`
    select query_normalised as query, count(*)::int as searches, max(created_at) as last_searched_at from search_queries
    where created_at > now() - ${WINDOW}::interval and result_count = 0
    group by query_normalised
    ${afterCondition}
    order by last_searched_at desc, query
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ query: row.query, searches: row.searches, lastSearchedAt: row.last_searched_at }));
}
