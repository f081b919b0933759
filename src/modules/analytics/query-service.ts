import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { videoReports } from '../videos/video-report-queries.ts';
import { estimateViewers, unionSketches } from './viewer-sketch.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Hourly series longer than this would be thousands of points: ask for days. */
const MAX_HOURLY_SPAN_MS = 31 * DAY_MS;
const MAX_SPAN_MS = 400 * DAY_MS;
/** Up to this many viewer-days in a period, its unique viewers are an exact distinct count (a few ms). */
const EXACT_VIEWER_DAYS = 20_000;

export interface Range {
  from: Date;
  to: Date;
  granularity: 'hour' | 'day';
}

export interface Totals {
  views: number;
  uniqueViewers: number;
  watchSeconds: number;
  averageViewSeconds: number;
  likes: number;
  comments: number;
  subscribersGained: number;
  subscribersLost: number;
  rebufferRatio: number;
  startupP50Ms: number | null;
  startupP95Ms: number | null;
}
export interface SeriesPoint extends Totals {
  start: string;
}
export interface Breakdown {
  key: string;
  views: number;
  share: number;
}

/** One bucket of the series, summed over videos in SQL; percentiles as view-weighted sums. */
interface BucketRow {
  start: Date | string;
  views: number;
  unique_viewers: number;
  watch_seconds: number;
  rebuffer_seconds: number;
  p50_sum: number | null;
  p95_sum: number | null;
  percentile_views: number | null;
}
interface EngagementRow {
  start: Date | string;
  likes: number;
  comments: number;
  subscribers_gained: number;
  subscribers_lost: number;
}
type Filter = { videoId: string } | { channelId: string };

/** Turns from/to query strings into a checked range: defaults to the last 28 days, bounded spans. */
export function parseRange(
  query: { from?: string; to?: string; granularity: 'hour' | 'day' },
  now = Date.now(),
): Range | { error: { field: string; message: string } } {
  const to = query.to ? new Date(query.to) : new Date(now);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 28 * DAY_MS);
  if (Number.isNaN(to.getTime())) return { error: { field: 'to', message: 'is not a valid date' } };
  if (Number.isNaN(from.getTime())) return { error: { field: 'from', message: 'is not a valid date' } };
  if (from >= to) return { error: { field: 'from', message: 'must be before `to`' } };
  const span = to.getTime() - from.getTime();
  if (span > MAX_SPAN_MS) return { error: { field: 'from', message: 'the range may span at most 400 days' } };
  if (query.granularity === 'hour' && span > MAX_HOURLY_SPAN_MS)
    return { error: { field: 'granularity', message: 'hourly series span at most 31 days; use granularity=day' } };
  return { from, to, granularity: query.granularity };
}

const bucketMs = (range: Range) => (range.granularity === 'hour' ? HOUR_MS : DAY_MS);

function weighted(rows: BucketRow[], column: 'p50_sum' | 'p95_sum'): number | null {
  const weight = rows.reduce((sum, row) => sum + Number(row.percentile_views ?? 0), 0);
  return weight ? Math.round(rows.reduce((sum, row) => sum + Number(row[column] ?? 0), 0) / weight) : null;
}

function totalsOf(rows: BucketRow[], engagement: EngagementRow[], uniqueViewers: number): Totals {
  const views = rows.reduce((sum, row) => sum + Number(row.views), 0);
  const watchSeconds = rows.reduce((sum, row) => sum + Number(row.watch_seconds), 0);
  const rebuffer = rows.reduce((sum, row) => sum + Number(row.rebuffer_seconds), 0);
  return {
    views,
    uniqueViewers,
    watchSeconds: Math.round(watchSeconds),
    averageViewSeconds: views ? Math.round(watchSeconds / views) : 0,
    likes: engagement.reduce((sum, row) => sum + row.likes, 0),
    comments: engagement.reduce((sum, row) => sum + row.comments, 0),
    subscribersGained: engagement.reduce((sum, row) => sum + row.subscribers_gained, 0),
    subscribersLost: engagement.reduce((sum, row) => sum + row.subscribers_lost, 0),
    rebufferRatio: watchSeconds + rebuffer > 0 ? Number((rebuffer / (watchSeconds + rebuffer)).toFixed(4)) : 0,
    // Percentiles do not add up: the period's figure is the view-weighted mean of the slices' percentiles.
    startupP50Ms: weighted(rows, 'p50_sum'),
    startupP95Ms: weighted(rows, 'p95_sum'),
  };
}

/** Every bucket of the range, empty ones included, so charts have no gaps. */
function series(range: Range, rows: BucketRow[], engagement: EngagementRow[]): SeriesPoint[] {
  const step = bucketMs(range);
  const first = Math.floor(range.from.getTime() / step) * step;
  const byStart = new Map(rows.map((row) => [new Date(row.start).getTime(), row]));
  const engagementByStart = new Map<number, EngagementRow[]>();
  for (const row of engagement) {
    const start = Math.floor(new Date(row.start).getTime() / step) * step;
    engagementByStart.set(start, [...(engagementByStart.get(start) ?? []), row]);
  }
  const points: SeriesPoint[] = [];
  for (let start = first; start < range.to.getTime(); start += step) {
    const row = byStart.get(start);
    points.push({
      start: new Date(start).toISOString(),
      ...totalsOf(row ? [row] : [], engagementByStart.get(start) ?? [], Number(row?.unique_viewers ?? 0)),
    });
  }
  return points;
}

function shares(rows: { key: string; views: number }[]): Breakdown[] {
  const total = rows.reduce((sum, row) => sum + row.views, 0);
  return rows.map((row) => ({
    key: row.key,
    views: row.views,
    share: total ? Number((row.views / total).toFixed(4)) : 0,
  }));
}

const isoDay = (date: Date) => date.toISOString();

/**
 * Dashboard reads, all from the rollups (never a scan of raw events, except a video's unique viewers
 * over several days, which reads that video's own slice of the raw table through its index).
 */
export class AnalyticsQueryService {
  constructor(private readonly deps: { db: Kysely<DB> }) {}

  /**
   * The rollup table to read, its bucket start, and the condition for the range and the video or
   * channel: a channel's days come from the channel-day rollup (one row a day), unless `perVideo` asks
   * for the video rows (top videos).
   */
  private source(range: Range, filter: Filter, perVideo = false) {
    const who = 'videoId' in filter ? sql`video_id = ${filter.videoId}` : sql`channel_id = ${filter.channelId}`;
    if (range.granularity === 'hour') {
      return {
        table: sql`analytics_video_hourly`,
        channelDays: false,
        start: sql`hour`,
        where: sql`${who} and hour >= ${range.from} and hour < ${range.to}`,
      };
    }
    const from = isoDay(range.from);
    const to = isoDay(range.to);
    const channelDays = 'channelId' in filter && !perVideo;
    // Whole days: the day holding `from` up to the day holding the last instant before `to`.
    return {
      table: channelDays ? sql`analytics_channel_daily` : sql`analytics_video_daily`,
      channelDays,
      start: sql`(day::timestamp at time zone 'UTC')`,
      where: sql`${who} and day >= (${from}::timestamptz at time zone 'UTC')::date
        and day <= ((${to}::timestamptz - interval '1 microsecond') at time zone 'UTC')::date`,
    };
  }

  private async buckets(range: Range, filter: Filter): Promise<BucketRow[]> {
    const { table, start, where, channelDays } = this.source(range, filter);
    const percentiles = channelDays
      ? sql`sum(startup_p50_sum) as p50_sum, sum(startup_p95_sum) as p95_sum, sum(percentile_views)::int as percentile_views`
      : sql`sum(startup_p50_ms::float8 * views) filter (where startup_p50_ms is not null) as p50_sum,
        sum(startup_p95_ms::float8 * views) filter (where startup_p95_ms is not null) as p95_sum,
        sum(views) filter (where startup_p50_ms is not null)::int as percentile_views`;
    const { rows } =
      await sql<BucketRow>`select ${start} as start, sum(views)::int as views, sum(unique_viewers)::int as unique_viewers,
        sum(watch_seconds)::float8 as watch_seconds, sum(rebuffer_seconds)::float8 as rebuffer_seconds, ${percentiles}
      from ${table} where ${where} group by 1 order by 1`.execute(this.deps.db);
    return rows;
  }

  /** Views per key of one breakdown map (sources, devices, browsers, countries), summed in SQL. */
  private async breakdownOf(
    range: Range,
    filter: Filter,
    column: 'sources' | 'devices' | 'browsers' | 'countries',
  ): Promise<Breakdown[]> {
    const { table, where } = this.source({ ...range, granularity: 'day' }, filter);
    const { rows } = await sql<{ key: string; views: number }>`select m.key, sum(m.value::int)::int as views
      from ${table}, jsonb_each_text(${sql.ref(column)}) as m where ${where} group by m.key order by views desc, m.key`.execute(
      this.deps.db,
    );
    return shares(rows);
  }

  private async engagementRows(range: Range, filter: Filter): Promise<EngagementRow[]> {
    let query = this.deps.db
      .selectFrom('analytics_engagement_hourly')
      .select(['hour as start', 'likes', 'comments', 'subscribers_gained', 'subscribers_lost'])
      .where('hour', '>=', new Date(Math.floor(range.from.getTime() / bucketMs(range)) * bucketMs(range)))
      .where('hour', '<', range.to);
    query =
      'videoId' in filter
        ? query.where('video_id', '=', filter.videoId)
        : query.where('channel_id', '=', filter.channelId);
    return query.execute();
  }

  async videoOverview(videoId: string, range: Range) {
    const [rows, engagement, unique] = await Promise.all([
      this.buckets(range, { videoId }),
      this.engagementRows(range, { videoId }),
      sql<{
        n: number;
      }>`select count(distinct case when viewer_id is null then 's:' || session_id else 'u:' || viewer_id::text end)::int as n
        from analytics_events where video_id = ${videoId} and occurred_at >= ${range.from} and occurred_at < ${range.to}`.execute(
        this.deps.db,
      ),
    ]);
    return { totals: totalsOf(rows, engagement, unique.rows[0]?.n ?? 0), series: series(range, rows, engagement) };
  }

  async videoBreakdowns(videoId: string, range: Range) {
    const filter = { videoId };
    const [sources, devices, browsers, countries] = await Promise.all([
      this.breakdownOf(range, filter, 'sources'),
      this.breakdownOf(range, filter, 'devices'),
      this.breakdownOf(range, filter, 'browsers'),
      this.breakdownOf(range, filter, 'countries'),
    ]);
    return { sources, devices, browsers, countries };
  }

  /** % of the range's viewers still watching at each 1 % of the video (0..99). */
  async retention(
    videoId: string,
    range: Range,
  ): Promise<{ views: number; curve: { percent: number; viewers: number; retention: number }[] }> {
    const dayFrom = range.from.toISOString();
    const dayTo = range.to.toISOString();
    const [views, buckets] = await Promise.all([
      sql<{ views: number }>`select coalesce(sum(views), 0)::int as views from analytics_video_daily
        where video_id = ${videoId} and day >= (${dayFrom}::timestamptz at time zone 'UTC')::date and day <= (${dayTo}::timestamptz at time zone 'UTC')::date`.execute(
        this.deps.db,
      ),
      sql<{
        bucket: number;
        viewers: number;
      }>`select bucket, sum(viewers)::int as viewers from analytics_retention_daily
        where video_id = ${videoId} and day >= (${dayFrom}::timestamptz at time zone 'UTC')::date and day <= (${dayTo}::timestamptz at time zone 'UTC')::date
        group by bucket`.execute(this.deps.db),
    ]);
    const total = views.rows[0]?.views ?? 0;
    const byBucket = new Map(buckets.rows.map((row) => [row.bucket, row.viewers]));
    // Sessions that played without a "play" event of that day (they crossed midnight) must not push a point past 100 %.
    const base = Math.max(total, ...byBucket.values(), 0);
    return {
      views: total,
      curve: Array.from({ length: 100 }, (_, percent) => {
        const viewers = byBucket.get(percent) ?? 0;
        return { percent, viewers, retention: base ? Number(((viewers / base) * 100).toFixed(2)) : 0 };
      }),
    };
  }

  async channelOverview(channelId: string, range: Range) {
    const span = range.to.getTime() - range.from.getTime();
    const previous: Range = { from: new Date(range.from.getTime() - span), to: range.from, granularity: 'day' };
    const filter = { channelId };
    const daily = { ...range, granularity: 'day' as const };
    const { table, where } = this.source(daily, filter, true);
    const [rows, engagement, previousRows, previousEngagement, viewers, previousViewers, top, sources, devices] =
      await Promise.all([
        this.buckets(range, filter),
        this.engagementRows(range, filter),
        this.buckets(previous, filter),
        this.engagementRows(previous, filter),
        this.viewerCounts(channelId, range),
        this.viewerCounts(channelId, previous),
        sql<{
          video_id: string;
          views: number;
          watch_seconds: number;
        }>`select video_id, sum(views)::int as views, sum(watch_seconds)::float8 as watch_seconds
        from ${table} where ${where} group by video_id order by watch_seconds desc, views desc, video_id limit 10`.execute(
          this.deps.db,
        ),
        this.breakdownOf(range, filter, 'sources'),
        this.breakdownOf(range, filter, 'devices'),
      ]);
    const totals = totalsOf(rows, engagement, viewers.unique);
    const previousTotals = totalsOf(previousRows, previousEngagement, previousViewers.unique);
    const change = Object.fromEntries(
      Object.entries(totals).map(([key, value]) => {
        const before = previousTotals[key as keyof Totals];
        return [
          key,
          typeof value === 'number' && typeof before === 'number' && before !== 0
            ? Number(((value - before) / before).toFixed(4))
            : null,
        ];
      }),
    ) as Record<keyof Totals, number | null>;
    const titleOf = await videoReports.titles(
      this.deps.db,
      top.rows.map((row) => row.video_id),
    );
    return {
      totals,
      previousTotals,
      change,
      series: series(range, rows, engagement),
      topVideos: top.rows.map((row) => ({
        videoId: row.video_id,
        title: titleOf.get(row.video_id) ?? '(deleted video)',
        views: row.views,
        watchSeconds: Math.round(row.watch_seconds),
        averageViewSeconds: row.views ? Math.round(row.watch_seconds / row.views) : 0,
      })),
      viewers: { new: viewers.new, returning: viewers.unique - viewers.new },
      sources,
      devices,
    };
  }

  /**
   * Unique viewers of the channel over whole days of the range, and how many were seen for the first time
   * (the sum of the days' first-time viewers: exact). Unique viewers are counted exactly while the days
   * hold few viewers in all, and estimated from the union of the days' HyperLogLog sketches beyond that,
   * so a big channel's overview costs the same whatever its audience.
   */
  private async viewerCounts(channelId: string, range: Range): Promise<{ unique: number; new: number }> {
    const first = sql`(${isoDay(range.from)}::timestamptz at time zone 'UTC')::date`;
    const last = sql`((${isoDay(range.to)}::timestamptz - interval '1 microsecond') at time zone 'UTC')::date`;
    const { rows: days } = await sql<{ unique_viewers: number; new_viewers: number; viewer_sketch: Uint8Array }>`
      select unique_viewers, new_viewers, viewer_sketch from analytics_channel_daily
      where channel_id = ${channelId} and day between ${first} and ${last}`.execute(this.deps.db);
    const fresh = days.reduce((sum, day) => sum + day.new_viewers, 0);
    const viewerDays = days.reduce((sum, day) => sum + day.unique_viewers, 0);
    if (viewerDays > EXACT_VIEWER_DAYS) {
      return { unique: estimateViewers(unionSketches(days.map((day) => day.viewer_sketch))), new: fresh };
    }
    const { rows } = await sql<{ unique: number }>`select count(distinct viewer_key)::int as unique
      from analytics_channel_viewers where channel_id = ${channelId} and day between ${first} and ${last}`.execute(
      this.deps.db,
    );
    return { unique: rows[0]?.unique ?? 0, new: fresh };
  }
}
