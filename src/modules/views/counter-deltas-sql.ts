import { sql, type RawBuilder } from 'kysely';
import type { CounterDeltas } from '../../platform/counters/hot-counters.ts';
import type { Executor } from '../../platform/db/transaction.ts';

/** Two parameters per row keeps every statement far below PostgreSQL's 65,535-parameter limit. */
const ROWS_PER_STATEMENT = 5000;

/** The deltas as `VALUES (id, delta), ...` lists, one per statement-sized chunk. */
export function deltaValueLists(deltas: CounterDeltas): RawBuilder<unknown>[] {
  const rows = [...deltas].map(([id, delta]) => sql`(${id}::uuid, ${delta}::bigint)`);
  const lists: RawBuilder<unknown>[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    lists.push(sql`(values ${sql.join(rows.slice(start, start + ROWS_PER_STATEMENT))})`);
  }
  return lists;
}

/**
 * Adds each delta to a derived counter column of `videos` in one batched UPDATE per chunk; the
 * engagement modules may write exactly these columns. Run it inside the flush's transaction.
 */
export async function addToVideoCounter(
  trx: Executor,
  column: 'like_count' | 'view_count',
  deltas: CounterDeltas,
): Promise<void> {
  for (const values of deltaValueLists(deltas)) {
    await sql`update videos set ${sql.ref(column)} = ${sql.ref(column)} + d.delta
      from ${values} as d(id, delta) where videos.id = d.id`.execute(trx);
  }
}

/** Adds the deltas to today's (UTC) row of video_daily_stats, creating it when needed. */
export async function addToDailyStats(
  trx: Executor,
  column: 'views' | 'watch_seconds',
  deltas: CounterDeltas,
): Promise<void> {
  for (const values of deltaValueLists(deltas)) {
    // The join skips videos removed for good since they were counted, instead of failing the batch.
    await sql`insert into video_daily_stats (video_id, day, ${sql.ref(column)})
      select d.id, (now() at time zone 'utc')::date, d.delta from ${values} as d(id, delta) join videos on videos.id = d.id
      on conflict (video_id, day) do update set ${sql.ref(column)} = video_daily_stats.${sql.ref(column)} + excluded.${sql.ref(column)}`.execute(
      trx,
    );
  }
}
