import { sql } from 'kysely';
import type { CounterDeltas } from '../../platform/counters/hot-counters.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import { deltaValueLists } from '../views/counter-deltas-sql.ts';

export type ActivityColumn = 'views' | 'likes' | 'comments' | 'watch_seconds';

/** Five-minute buckets: fine enough for the hour window's decay, coarse enough to stay small. */
export const BUCKET_SECONDS = 300;

/** The bucket a moment falls in, as SQL. */
export const currentBucket = sql<Date>`to_timestamp(floor(extract(epoch from now()) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS})`;

/**
 * Adds engagement deltas to the current bucket of each video; runs inside the counter flush's
 * transaction, so trending activity and the counters move together or not at all. Negative deltas
 * (unlikes) are kept: taking a like back takes its weight back.
 */
export async function addToTrendingActivity(
  trx: Executor,
  column: ActivityColumn,
  deltas: CounterDeltas,
): Promise<void> {
  for (const values of deltaValueLists(deltas)) {
    await sql`insert into trending_activity (video_id, bucket, ${sql.ref(column)})
      select d.id, ${currentBucket}, d.delta from ${values} as d(id, delta) join videos on videos.id = d.id
      on conflict (video_id, bucket) do update set ${sql.ref(column)} = trending_activity.${sql.ref(column)} + excluded.${sql.ref(column)}`.execute(
      trx,
    );
  }
}
