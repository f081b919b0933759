import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { BUCKET_SECONDS } from './activity-sql.ts';
import { ACTIVITY_RETENTION_SECONDS } from './windows.ts';

const bucketOf = (column: string) =>
  sql`to_timestamp(floor(extract(epoch from ${sql.ref(column)}) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS})`;

/**
 * Recomputes the trending activity buckets from the rows they summarise (after a bulk import, or if
 * buckets were lost): likes and comments at their own time; views and watch time from the per-day
 * statistics, placed at noon UTC of their day (or now, for today). Unlikes are no longer visible in
 * the rows, so a rebuild counts the likes that stand. One transaction: readers of the buckets (the
 * next refresh) see the old set or the new one.
 */
export function rebuildTrendingActivity(db: Executor): Promise<number> {
  const since = sql`(now() - make_interval(secs => ${ACTIVITY_RETENTION_SECONDS}))`;
  return inTransaction(db, async (trx) => {
    await sql`delete from trending_activity`.execute(trx);
    const inserted = await sql`insert into trending_activity (video_id, bucket, views, likes, comments, watch_seconds)
      select video_id, bucket, sum(views), sum(likes), sum(comments), sum(watch_seconds) from (
        select video_id, ${bucketOf('likes.created_at')} as bucket, 0 as views, 1 as likes, 0 as comments, 0 as watch_seconds
          from likes where created_at > ${since}
        union all
        select video_id, ${bucketOf('comments.created_at')}, 0, 0, 1, 0
          from comments where created_at > ${since}
        union all
        select video_id, to_timestamp(floor(extract(epoch from least(now(), (day + interval '12 hours') at time zone 'utc')) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS}),
          views, 0, 0, watch_seconds
          from video_daily_stats where day >= (${since} at time zone 'utc')::date
      ) as activity group by video_id, bucket`.execute(trx);
    return Number(inserted.numAffectedRows ?? 0);
  });
}
