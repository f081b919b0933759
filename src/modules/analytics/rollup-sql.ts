import { sql, type RawBuilder } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The rollup statements. Each recomputes whole slices (one video's hour or day) from the raw events,
 * so running them again, late events included, always gives what a rebuild from scratch gives.
 * `slices` is a SQL relation (video_id uuid, start timestamptz) of slice starts.
 */
type Unit = 'hour' | 'day';

const viewerKey = sql`case when e.viewer_id is null then 's:' || e.session_id else 'u:' || e.viewer_id::text end`;

/** {"key": views} of one dimension for a slice (views = sessions that started playing). */
function viewsBy(column: string, unit: Unit): RawBuilder<unknown> {
  return sql`(select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
      select x.${sql.ref(column)} as k, count(distinct x.session_id) as n from analytics_events x
      where x.video_id = s.video_id and x.type = 'play'
        and x.occurred_at >= s.start and x.occurred_at < s.start + ${sql.lit(`1 ${unit}`)}::interval
      group by x.${sql.ref(column)}) m)`;
}

/** Deletes and recomputes the hourly or daily rows of the given slices. */
export async function recomputeVideoSlices(trx: Transaction<DB>, unit: Unit, slices: RawBuilder<unknown>): Promise<void> {
  const table = unit === 'hour' ? 'analytics_video_hourly' : 'analytics_video_daily';
  const key = unit === 'hour' ? sql`s.start` : sql`(s.start at time zone 'UTC')::date`;
  const keyColumn = unit === 'hour' ? 'hour' : 'day';
  await sql`delete from ${sql.table(table)} r using (${slices}) s
    where r.video_id = s.video_id and r.${sql.ref(keyColumn)} = ${key}`.execute(trx);
  await sql`insert into ${sql.table(table)} (video_id, channel_id, ${sql.ref(keyColumn)}, views, unique_viewers, watch_seconds,
      rebuffer_seconds, startup_p50_ms, startup_p95_ms, sources, devices, browsers, countries)
    select s.video_id, (array_agg(e.channel_id))[1], ${key},
      count(distinct e.session_id) filter (where e.type = 'play'),
      count(distinct ${viewerKey}),
      coalesce(sum(e.seconds_played), 0),
      coalesce(sum(e.duration_ms) filter (where e.type = 'rebuffer'), 0) / 1000.0,
      round(percentile_cont(0.5) within group (order by e.duration_ms) filter (where e.type = 'play' and e.duration_ms is not null)),
      round(percentile_cont(0.95) within group (order by e.duration_ms) filter (where e.type = 'play' and e.duration_ms is not null)),
      ${viewsBy('referrer', unit)}, ${viewsBy('device', unit)}, ${viewsBy('browser', unit)}, ${viewsBy('country', unit)}
    from (${slices}) s
    join analytics_events e on e.video_id = s.video_id
      and e.occurred_at >= s.start and e.occurred_at < s.start + ${sql.lit(`1 ${unit}`)}::interval
    group by s.video_id, s.start`.execute(trx);
}

/**
 * Retention histograms of the given day slices: for each 1 % of the video, the sessions that played
 * some of it. A played stretch is [from_seconds, position_seconds] of a heartbeat/pause/ended report.
 * The video's duration is read in the same statement (a read-only join on the videos module's table:
 * going through its service here would mean one query per video for every rollup).
 */
export async function recomputeRetention(trx: Transaction<DB>, daySlices: RawBuilder<unknown>): Promise<void> {
  await sql`delete from analytics_retention_daily r using (${daySlices}) s
    where r.video_id = s.video_id and r.day = (s.start at time zone 'UTC')::date`.execute(trx);
  await sql`insert into analytics_retention_daily (video_id, day, bucket, viewers)
    select s.video_id, (s.start at time zone 'UTC')::date, b.bucket, count(distinct e.session_id)
    from (${daySlices}) s
    join videos v on v.id = s.video_id and v.duration_seconds > 0
    join analytics_events e on e.video_id = s.video_id
      and e.occurred_at >= s.start and e.occurred_at < s.start + interval '1 day'
      and e.type in ('heartbeat', 'pause', 'ended') and e.position_seconds > e.from_seconds
    cross join lateral generate_series(
      greatest(0, least(99, floor(e.from_seconds / v.duration_seconds * 100)::int)),
      least(99, ceil(e.position_seconds / v.duration_seconds * 100)::int - 1)) as b(bucket)
    group by s.video_id, s.start, b.bucket`.execute(trx);
}

/** Who watched each channel on the slices' days, and the first day each viewer was seen. */
export async function recordChannelViewers(trx: Transaction<DB>, daySlices: RawBuilder<unknown>): Promise<void> {
  await sql`insert into analytics_channel_viewers (channel_id, day, viewer_key)
    select distinct e.channel_id, (s.start at time zone 'UTC')::date, ${viewerKey}
    from (${daySlices}) s
    join analytics_events e on e.video_id = s.video_id
      and e.occurred_at >= s.start and e.occurred_at < s.start + interval '1 day'
    on conflict do nothing`.execute(trx);
  await sql`insert into analytics_channel_first_seen (channel_id, viewer_key, first_day)
    select cv.channel_id, cv.viewer_key, min(cv.day)
    from analytics_channel_viewers cv
    where (cv.channel_id, cv.day) in (
      select distinct e.channel_id, (s.start at time zone 'UTC')::date from (${daySlices}) s
      join analytics_events e on e.video_id = s.video_id
        and e.occurred_at >= s.start and e.occurred_at < s.start + interval '1 day')
    group by cv.channel_id, cv.viewer_key
    on conflict (channel_id, viewer_key) do update set first_day = least(analytics_channel_first_seen.first_day, excluded.first_day)`.execute(trx);
}

/** A slice relation from parallel arrays (the rollup job's claimed work). */
export function slicesOf(videoIds: string[], starts: string[]): RawBuilder<unknown> {
  return sql`select * from unnest(${sql.val(videoIds)}::uuid[], ${sql.val(starts)}::timestamptz[]) as t(video_id, start)`;
}
