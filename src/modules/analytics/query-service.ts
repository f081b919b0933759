import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { videoReports } from '../videos/video-reports.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Hourly series longer than this would be thousands of points: ask for days. */
const MAX_HOURLY_SPAN_MS = 31 * DAY_MS;
const MAX_SPAN_MS = 400 * DAY_MS;

export interface Range { from: Date; to: Date; granularity: 'hour' | 'day' }

export interface Totals {
  views: number; uniqueViewers: number; watchSeconds: number; averageViewSeconds: number;
  likes: number; comments: number; subscribersGained: number; subscribersLost: number;
  rebufferRatio: number; startupP50Ms: number | null; startupP95Ms: number | null;
}
export interface SeriesPoint extends Totals { start: string }
export interface Breakdown { key: string; views: number; share: number }

interface RollupRow {
  start: Date | string;
  views: number; unique_viewers: number; watch_seconds: number; rebuffer_seconds: number;
  startup_p50_ms: number | null; startup_p95_ms: number | null;
}
interface EngagementRow { start: Date | string; likes: number; comments: number; subscribers_gained: number; subscribers_lost: number }

/** Turns from/to query strings into a checked range: defaults to the last 28 days, bounded spans. */
export function parseRange(query: { from?: string; to?: string; granularity: 'hour' | 'day' }, now = Date.now()): Range | { error: { field: string; message: string } } {
  const to = query.to ? new Date(query.to) : new Date(now);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 28 * DAY_MS);
  if (Number.isNaN(to.getTime())) return { error: { field: 'to', message: 'is not a valid date' } };
  if (Number.isNaN(from.getTime())) return { error: { field: 'from', message: 'is not a valid date' } };
  if (from >= to) return { error: { field: 'from', message: 'must be before `to`' } };
  const span = to.getTime() - from.getTime();
  if (span > MAX_SPAN_MS) return { error: { field: 'from', message: 'the range may span at most 400 days' } };
  if (query.granularity === 'hour' && span > MAX_HOURLY_SPAN_MS) return { error: { field: 'granularity', message: 'hourly series span at most 31 days; use granularity=day' } };
  return { from, to, granularity: query.granularity };
}

const bucketMs = (range: Range) => (range.granularity === 'hour' ? HOUR_MS : DAY_MS);

function weighted(rows: RollupRow[], column: 'startup_p50_ms' | 'startup_p95_ms'): number | null {
  let weight = 0;
  let sum = 0;
  for (const row of rows) {
    if (row[column] === null || row.views === 0) continue;
    weight += row.views;
    sum += row[column] * row.views;
  }
  return weight ? Math.round(sum / weight) : null;
}

function totalsOf(rows: RollupRow[], engagement: EngagementRow[], uniqueViewers: number): Totals {
  const views = rows.reduce((sum, row) => sum + row.views, 0);
  const watchSeconds = rows.reduce((sum, row) => sum + row.watch_seconds, 0);
  const rebuffer = rows.reduce((sum, row) => sum + row.rebuffer_seconds, 0);
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
    startupP50Ms: weighted(rows, 'startup_p50_ms'),
    startupP95Ms: weighted(rows, 'startup_p95_ms'),
  };
}

/** Every bucket of the range, empty ones included, so charts have no gaps. */
function series(range: Range, rows: RollupRow[], engagement: EngagementRow[]): SeriesPoint[] {
  const step = bucketMs(range);
  const first = Math.floor(range.from.getTime() / step) * step;
  const byStart = new Map<number, RollupRow[]>();
  for (const row of rows) byStart.set(new Date(row.start).getTime(), [...(byStart.get(new Date(row.start).getTime()) ?? []), row]);
  const engagementByStart = new Map<number, EngagementRow[]>();
  for (const row of engagement) {
    const start = Math.floor(new Date(row.start).getTime() / step) * step;
    engagementByStart.set(start, [...(engagementByStart.get(start) ?? []), row]);
  }
  const points: SeriesPoint[] = [];
  for (let start = first; start < range.to.getTime(); start += step) {
    const slice = byStart.get(start) ?? [];
    points.push({ start: new Date(start).toISOString(), ...totalsOf(slice, engagementByStart.get(start) ?? [], slice.reduce((sum, row) => sum + row.unique_viewers, 0)) });
  }
  return points;
}

function breakdown(maps: Record<string, number>[]): Breakdown[] {
  const counts = new Map<string, number>();
  for (const map of maps) for (const [key, value] of Object.entries(map)) counts.set(key, (counts.get(key) ?? 0) + Number(value));
  const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
  return [...counts].map(([key, views]) => ({ key, views, share: total ? Number((views / total).toFixed(4)) : 0 }))
    .sort((a, b) => b.views - a.views);
}

/**
 * Dashboard reads, all from the rollups (never a scan of raw events, except a video's unique viewers
 * over several days, which reads that video's own slice of the raw table through its index).
 */
export class AnalyticsQueryService {
  constructor(private readonly deps: { db: Kysely<DB> }) {}

  private rollupRows(range: Range, filter: { videoId?: string; channelId?: string }) {
    const db = this.deps.db;
    if (range.granularity === 'hour') {
      let query = db.selectFrom('analytics_video_hourly')
        .select(['hour as start', 'video_id', 'views', 'unique_viewers', 'watch_seconds', 'rebuffer_seconds', 'startup_p50_ms', 'startup_p95_ms', 'sources', 'devices', 'browsers', 'countries'])
        .where('hour', '>=', range.from).where('hour', '<', range.to);
      if (filter.videoId) query = query.where('video_id', '=', filter.videoId);
      if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
      return query.execute();
    }
    let query = db.selectFrom('analytics_video_daily')
      .select([sql<Date>`(day::timestamp at time zone 'UTC')`.as('start'), 'video_id', 'views', 'unique_viewers', 'watch_seconds', 'rebuffer_seconds', 'startup_p50_ms', 'startup_p95_ms', 'sources', 'devices', 'browsers', 'countries'])
      .where(sql<boolean>`day >= (${range.from.toISOString()}::timestamptz at time zone 'UTC')::date`)
      .where(sql<boolean>`day < (${range.to.toISOString()}::timestamptz at time zone 'UTC')::date + (case when (${range.to.toISOString()}::timestamptz at time zone 'UTC')::time > '00:00' then 1 else 0 end)`);
    if (filter.videoId) query = query.where('video_id', '=', filter.videoId);
    if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
    return query.execute();
  }

  private async engagementRows(range: Range, filter: { videoId?: string; channelId?: string }): Promise<EngagementRow[]> {
    let query = this.deps.db.selectFrom('analytics_engagement_hourly')
      .select(['hour as start', 'likes', 'comments', 'subscribers_gained', 'subscribers_lost'])
      .where('hour', '>=', new Date(Math.floor(range.from.getTime() / bucketMs(range)) * bucketMs(range)))
      .where('hour', '<', range.to);
    if (filter.videoId) query = query.where('video_id', '=', filter.videoId);
    if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
    return query.execute();
  }

  async videoOverview(videoId: string, range: Range) {
    const [rows, engagement, unique] = await Promise.all([
      this.rollupRows(range, { videoId }),
      this.engagementRows(range, { videoId }),
      sql<{ n: number }>`select count(distinct case when viewer_id is null then 's:' || session_id else 'u:' || viewer_id::text end)::int as n
        from analytics_events where video_id = ${videoId} and occurred_at >= ${range.from} and occurred_at < ${range.to}`.execute(this.deps.db),
    ]);
    return { totals: totalsOf(rows, engagement, unique.rows[0]?.n ?? 0), series: series(range, rows, engagement) };
  }

  async videoBreakdowns(videoId: string, range: Range) {
    const rows = await this.rollupRows({ ...range, granularity: 'day' }, { videoId });
    return {
      sources: breakdown(rows.map((row) => row.sources)),
      devices: breakdown(rows.map((row) => row.devices)),
      browsers: breakdown(rows.map((row) => row.browsers)),
      countries: breakdown(rows.map((row) => row.countries)),
    };
  }

  /** % of the range's viewers still watching at each 1 % of the video (0..99). */
  async retention(videoId: string, range: Range): Promise<{ views: number; curve: { percent: number; viewers: number; retention: number }[] }> {
    const dayFrom = range.from.toISOString();
    const dayTo = range.to.toISOString();
    const [views, buckets] = await Promise.all([
      sql<{ views: number }>`select coalesce(sum(views), 0)::int as views from analytics_video_daily
        where video_id = ${videoId} and day >= (${dayFrom}::timestamptz at time zone 'UTC')::date and day <= (${dayTo}::timestamptz at time zone 'UTC')::date`.execute(this.deps.db),
      sql<{ bucket: number; viewers: number }>`select bucket, sum(viewers)::int as viewers from analytics_retention_daily
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
        return { percent, viewers, retention: base ? Number((viewers / base * 100).toFixed(2)) : 0 };
      }),
    };
  }

  async channelOverview(channelId: string, range: Range) {
    const span = range.to.getTime() - range.from.getTime();
    const previous: Range = { ...range, from: new Date(range.from.getTime() - span), to: range.from };
    const [rows, engagement, previousRows, previousEngagement, viewers] = await Promise.all([
      this.rollupRows(range, { channelId }),
      this.engagementRows(range, { channelId }),
      this.rollupRows({ ...previous, granularity: 'day' }, { channelId }),
      this.engagementRows({ ...previous, granularity: 'day' }, { channelId }),
      this.viewerCounts(channelId, range),
    ]);
    const totals = totalsOf(rows, engagement, viewers.unique);
    const previousTotals = totalsOf(previousRows, previousEngagement, (await this.viewerCounts(channelId, previous)).unique);
    const change = Object.fromEntries(Object.entries(totals).map(([key, value]) => {
      const before = previousTotals[key as keyof Totals];
      return [key, typeof value === 'number' && typeof before === 'number' && before !== 0 ? Number(((value - before) / before).toFixed(4)) : null];
    })) as Record<keyof Totals, number | null>;
    const perVideo = new Map<string, { views: number; watchSeconds: number }>();
    for (const row of rows) {
      const entry = perVideo.get(row.video_id) ?? { views: 0, watchSeconds: 0 };
      entry.views += row.views;
      entry.watchSeconds += row.watch_seconds;
      perVideo.set(row.video_id, entry);
    }
    const top = [...perVideo].sort((a, b) => b[1].watchSeconds - a[1].watchSeconds || b[1].views - a[1].views).slice(0, 10);
    const titleOf = await videoReports.titles(this.deps.db, top.map(([id]) => id));
    return {
      totals,
      previousTotals,
      change,
      series: series(range, rows, engagement),
      topVideos: top.map(([videoId, entry]) => ({
        videoId,
        title: titleOf.get(videoId) ?? '(deleted video)',
        views: entry.views,
        watchSeconds: Math.round(entry.watchSeconds),
        averageViewSeconds: entry.views ? Math.round(entry.watchSeconds / entry.views) : 0,
      })),
      viewers: { new: viewers.new, returning: viewers.unique - viewers.new },
      sources: breakdown(rows.map((row) => row.sources)),
      devices: breakdown(rows.map((row) => row.devices)),
    };
  }

  /** Unique viewers of the channel over whole days of the range, and how many were seen for the first time. */
  private async viewerCounts(channelId: string, range: Range): Promise<{ unique: number; new: number }> {
    const { rows } = await sql<{ unique: number; fresh: number }>`
      with days as (
        select (${range.from.toISOString()}::timestamptz at time zone 'UTC')::date as first,
               ((${range.to.toISOString()}::timestamptz - interval '1 microsecond') at time zone 'UTC')::date as last)
      select
        (select count(distinct viewer_key)::int from analytics_channel_viewers, days
          where channel_id = ${channelId} and day between days.first and days.last) as unique,
        (select count(*)::int from analytics_channel_first_seen, days
          where channel_id = ${channelId} and first_day between days.first and days.last) as fresh`.execute(this.deps.db);
    return { unique: rows[0]?.unique ?? 0, new: rows[0]?.fresh ?? 0 };
  }
}
