import { sql, type RawBuilder } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The rollup statements. Each recomputes whole slices (one video's hour or day) from the raw events,
 * so running them again, late events included, always gives what a rebuild from scratch gives.
 * `Slices` holds a SQL relation (video_id uuid, start timestamptz) of slice starts and the time window they
 * cover: every join on the raw events also bounds occurred_at by that window, so the planner reads only
 * the partitions of those days (the join condition alone is not known when the plan is made, and each
 * statement would scan every partition of the table).
 */
export interface Slices {
  relation: RawBuilder<unknown>;
  from: string;
  to: string;
}

/** `alias`'s events inside the slices' window (constants, so partitions are pruned at planning time). */
const inWindow = (slices: Slices, alias: string) =>
  sql`${sql.ref(`${alias}.occurred_at`)} >= ${slices.from}::timestamptz and ${sql.ref(`${alias}.occurred_at`)} < ${slices.to}::timestamptz`;

type Unit = 'hour' | 'day';

const viewerKey = sql`case when e.viewer_id is null then 's:' || e.session_id else 'u:' || e.viewer_id::text end`;

/** Deletes and recomputes the hourly or daily rows of the given slices, reading each slice's raw events once. */
export async function recomputeVideoSlices(trx: Transaction<DB>, unit: Unit, slices: Slices): Promise<void> {
  const table = unit === 'hour' ? 'analytics_video_hourly' : 'analytics_video_daily';
  const key = unit === 'hour' ? sql`s.start` : sql`(s.start at time zone 'UTC')::date`;
  const keyColumn = unit === 'hour' ? 'hour' : 'day';
  const length = sql.lit(`1 ${unit}`);
  await sql`delete from ${sql.table(table)} r using (${slices.relation}) s
    where r.video_id = s.video_id and r.${sql.ref(keyColumn)} = ${key}`.execute(trx);
  // e: the slices' events, materialised once; plays: one row per session start with its dimensions.
  await sql`with e as materialized (
      select s.video_id, s.start, x.channel_id, x.session_id, x.viewer_id, x.type, x.seconds_played, x.duration_ms,
        x.referrer, x.device, x.browser, x.country
      from (${slices.relation}) s
      join analytics_events x on x.video_id = s.video_id and x.occurred_at >= s.start and x.occurred_at < s.start + ${length}::interval
        and ${inWindow(slices, 'x')}
    ),
    dims as (
      select video_id, start, dim, jsonb_object_agg(k, n) as counts from (
        select video_id, start, 'sources' as dim, referrer as k, count(distinct session_id) as n from e where type = 'play' group by video_id, start, referrer
        union all select video_id, start, 'devices', device, count(distinct session_id) from e where type = 'play' group by video_id, start, device
        union all select video_id, start, 'browsers', browser, count(distinct session_id) from e where type = 'play' group by video_id, start, browser
        union all select video_id, start, 'countries', country, count(distinct session_id) from e where type = 'play' group by video_id, start, country
      ) per_key group by video_id, start, dim
    ),
    totals as (
      select video_id, start, (array_agg(channel_id))[1] as channel_id,
        count(distinct session_id) filter (where type = 'play') as views,
        count(distinct ${viewerKey}) as unique_viewers,
        coalesce(sum(seconds_played), 0) as watch_seconds,
        coalesce(sum(duration_ms) filter (where type = 'rebuffer'), 0) / 1000.0 as rebuffer_seconds,
        round(percentile_cont(0.5) within group (order by duration_ms) filter (where type = 'play' and duration_ms is not null)) as p50,
        round(percentile_cont(0.95) within group (order by duration_ms) filter (where type = 'play' and duration_ms is not null)) as p95
      from e group by video_id, start
    )
    insert into ${sql.table(table)} (video_id, channel_id, ${sql.ref(keyColumn)}, views, unique_viewers, watch_seconds,
      rebuffer_seconds, startup_p50_ms, startup_p95_ms, sources, devices, browsers, countries)
    select t.video_id, t.channel_id, ${unit === 'hour' ? sql`t.start` : sql`(t.start at time zone 'UTC')::date`},
      t.views, t.unique_viewers, t.watch_seconds, t.rebuffer_seconds, t.p50, t.p95,
      coalesce(src.counts, '{}'::jsonb), coalesce(dev.counts, '{}'::jsonb), coalesce(bro.counts, '{}'::jsonb), coalesce(cty.counts, '{}'::jsonb)
    from totals t
    left join dims src on src.video_id = t.video_id and src.start = t.start and src.dim = 'sources'
    left join dims dev on dev.video_id = t.video_id and dev.start = t.start and dev.dim = 'devices'
    left join dims bro on bro.video_id = t.video_id and bro.start = t.start and bro.dim = 'browsers'
    left join dims cty on cty.video_id = t.video_id and cty.start = t.start and cty.dim = 'countries'`.execute(trx);
}

/**
 * Retention histograms of the given day slices: for each 1 % of the video, the sessions that played
 * some of it. A played stretch is [from_seconds, position_seconds] of a heartbeat/pause/ended report.
 * The video's duration is read in the same statement (a read-only join on the videos module's table:
 * going through its service here would mean one query per video for every rollup).
 */
export async function recomputeRetention(trx: Transaction<DB>, daySlices: Slices): Promise<void> {
  await sql`delete from analytics_retention_daily r using (${daySlices.relation}) s
    where r.video_id = s.video_id and r.day = (s.start at time zone 'UTC')::date`.execute(trx);
  await sql`insert into analytics_retention_daily (video_id, day, bucket, viewers)
    select s.video_id, (s.start at time zone 'UTC')::date, b.bucket, count(distinct e.session_id)
    from (${daySlices.relation}) s
    join videos v on v.id = s.video_id and v.duration_seconds > 0
    join analytics_events e on e.video_id = s.video_id
      and e.occurred_at >= s.start and e.occurred_at < s.start + interval '1 day' and ${inWindow(daySlices, 'e')}
      and e.type in ('heartbeat', 'pause', 'ended') and e.position_seconds > e.from_seconds
    cross join lateral generate_series(
      greatest(0, least(99, floor(e.from_seconds / v.duration_seconds * 100)::int)),
      least(99, ceil(e.position_seconds / v.duration_seconds * 100)::int - 1)) as b(bucket)
    group by s.video_id, s.start, b.bucket`.execute(trx);
}

/** Who watched each channel on the slices' days, and the first day each viewer was seen. */
export async function recordChannelViewers(trx: Transaction<DB>, daySlices: Slices): Promise<void> {
  await sql`insert into analytics_channel_viewers (channel_id, day, viewer_key)
    select distinct e.channel_id, (s.start at time zone 'UTC')::date, ${viewerKey}
    from (${daySlices.relation}) s
    join analytics_events e on e.video_id = s.video_id
      and e.occurred_at >= s.start and e.occurred_at < s.start + interval '1 day' and ${inWindow(daySlices, 'e')}
    on conflict do nothing`.execute(trx);
  await sql`insert into analytics_channel_audience (channel_id, viewer_key, first_day)
    select cv.channel_id, cv.viewer_key, min(cv.day)
    from analytics_channel_viewers cv
    where (cv.channel_id, cv.day) in (
      select distinct e.channel_id, (s.start at time zone 'UTC')::date from (${daySlices.relation}) s
      join analytics_events e on e.video_id = s.video_id
        and e.occurred_at >= s.start and e.occurred_at < s.start + interval '1 day' and ${inWindow(daySlices, 'e')})
    group by cv.channel_id, cv.viewer_key
    on conflict (channel_id, viewer_key) do update set first_day = least(analytics_channel_audience.first_day, excluded.first_day)`.execute(
    trx,
  );
}

/**
 * Recomputes the channel-day rows of the channels and days the given video-day slices belong to, from the
 * video-day rows, the day's viewers (count, first-time viewers, sketch) and the audience. The following day
 * is recomputed too: a late event (at most 24 h old) can move a viewer's first day back by one, which
 * changes the next day's first-time viewers.
 */
export async function recomputeChannelDays(trx: Transaction<DB>, daySlices: Slices): Promise<void> {
  const touched = sql`select distinct d.channel_id, d.day from analytics_video_daily d
    join (${daySlices.relation}) s on d.video_id = s.video_id and d.day = (s.start at time zone 'UTC')::date`;
  const affected = sql`select channel_id, day from (${touched}) t
    union select c.channel_id, c.day from analytics_channel_daily c join (${touched}) t
      on c.channel_id = t.channel_id and c.day = t.day + 1`;
  await sql`delete from analytics_channel_daily c using (${affected}) a where c.channel_id = a.channel_id and c.day = a.day`.execute(
    trx,
  );
  const merged = (column: 'sources' | 'devices') => sql`(select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
      select m.key as k, sum(m.value::int) as n from analytics_video_daily x, jsonb_each_text(x.${sql.ref(column)}) as m
      where x.channel_id = a.channel_id and x.day = a.day group by m.key) per_key)`;
  await sql`insert into analytics_channel_daily (channel_id, day, views, unique_viewers, new_viewers, viewer_sketch, watch_seconds,
      rebuffer_seconds, startup_p50_sum, startup_p95_sum, percentile_views, sources, devices)
    select a.channel_id, a.day, t.views, (select count(*) from analytics_channel_viewers v where v.channel_id = a.channel_id and v.day = a.day),
      (select count(*) from analytics_channel_audience u where u.channel_id = a.channel_id and u.first_day = a.day),
      analytics_viewer_sketch(a.channel_id, a.day),
      t.watch_seconds, t.rebuffer_seconds, t.p50_sum, t.p95_sum, t.percentile_views, ${merged('sources')}, ${merged('devices')}
    from (${affected}) a
    cross join lateral (
      select coalesce(sum(views), 0) as views, coalesce(sum(watch_seconds), 0) as watch_seconds,
        coalesce(sum(rebuffer_seconds), 0) as rebuffer_seconds,
        sum(startup_p50_ms::float8 * views) filter (where startup_p50_ms is not null) as p50_sum,
        sum(startup_p95_ms::float8 * views) filter (where startup_p95_ms is not null) as p95_sum,
        sum(views) filter (where startup_p50_ms is not null) as percentile_views
      from analytics_video_daily x where x.channel_id = a.channel_id and x.day = a.day) t`.execute(trx);
}

/** Slices from parallel arrays (the rollup job's claimed work), each `unit` long. */
export function slicesOf(videoIds: string[], starts: string[], unit: Unit): Slices {
  const times = starts.map((start) => new Date(start).getTime());
  const length = unit === 'hour' ? 3_600_000 : 86_400_000;
  return {
    relation: sql`select * from unnest(${sql.val(videoIds)}::uuid[], ${sql.val(starts)}::timestamptz[]) as t(video_id, start)`,
    from: new Date(Math.min(...times)).toISOString(),
    to: new Date(Math.max(...times) + length).toISOString(),
  };
}
