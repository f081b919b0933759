import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { dayStart, ensureDayPartition } from '../analytics/partitions.ts';
import { rebuildAnalytics } from '../analytics/rollup.ts';

const DAY_MS = 86_400_000;
/** Each session plays, then reports one heartbeat per tenth of the video it watched (1 to 10). */
const AVERAGE_EVENTS_PER_SESSION = 1 + 5.5;

export interface AnalyticsSeedOptions {
  videos: number;
  days: number;
  /** Raw events in total (approximately: sessions are whole). */
  events: number;
  /** Username of the channel that owns the seeded videos (created when missing). */
  channel?: string;
}

export interface AnalyticsSeedReport {
  channelId: string;
  videoIds: string[];
  events: number;
  insertMs: number;
  rollupMs: number;
}

/**
 * Dashboard data at scale for benchmarks and demos: one channel with `videos` ready videos and about
 * `events` raw player events spread over the last `days` days (sessions with a play and heartbeats
 * covering the first 10–100 % of the video, referrers, devices and countries varied), generated
 * inside the database with generate_series, then rolled up exactly as production does (rebuild).
 */
export async function seedAnalytics(db: Kysely<DB>, options: AnalyticsSeedOptions): Promise<AnalyticsSeedReport> {
  const username = options.channel ?? 'analytics_demo';
  const channel =
    (await db
      .selectFrom('users')
      .select('id')
      .where(sql<boolean>`lower(username) = lower(${username})`)
      .executeTakeFirst()) ??
    (await db
      .insertInto('users')
      .values({ username, email: `${username}@example.com`, password_hash: 'seeded-no-login', role: 'creator' })
      .returning('id')
      .executeTakeFirstOrThrow());
  const existing = await db
    .selectFrom('videos')
    .select('id')
    .where('creator_id', '=', channel.id)
    .where('status', '=', 'ready')
    .orderBy('created_at')
    .execute();
  const missing = Math.max(0, options.videos - existing.length);
  if (missing > 0) {
    await sql`insert into videos (creator_id, title, status, visibility, duration_seconds, processed_at, source_size_bytes)
      select ${channel.id}, 'Analytics sample ' || n, 'ready', 'public', 60 + (n % 20) * 30, now(), 50000000 + n * 1000
      from generate_series(${existing.length + 1}::int, ${options.videos}::int) as n`.execute(db);
  }
  const videos = await db
    .selectFrom('videos')
    .select('id')
    .where('creator_id', '=', channel.id)
    .where('status', '=', 'ready')
    .orderBy('created_at')
    .limit(options.videos)
    .execute();
  const videoIds = videos.map((video) => video.id);

  const today = dayStart(Date.now());
  for (let day = 0; day < options.days; day += 1) await ensureDayPartition(db, today - day * DAY_MS);
  const sessionsPerVideoDay = Math.max(
    1,
    Math.round(options.events / (videoIds.length * options.days * AVERAGE_EVENTS_PER_SESSION)),
  );
  const insertStarted = performance.now();
  let events = 0;
  // One day at a time keeps each statement's memory bounded.
  for (let day = 0; day < options.days; day += 1) {
    const start = new Date(today - day * DAY_MS);
    // Today only up to now: events from the future would be refused by the API, so they are not seeded either.
    const span = day === 0 ? Math.max(60, Math.floor((Date.now() - today) / 1000) - 60) : 86_399;
    const result =
      await sql`insert into analytics_events (occurred_at, received_at, video_id, channel_id, session_id, viewer_id, type,
        position_seconds, seconds_played, from_seconds, duration_ms, rendition, referrer, device, browser, country)
      select s.started + make_interval(secs => b * s.duration / 10), s.started + make_interval(secs => b * s.duration / 10),
        s.video_id, ${channel.id}::uuid, s.session_id, null,
        case when b = 0 then 'play' else 'heartbeat' end,
        case when b = 0 then 0 else b * s.duration / 10 end,
        case when b = 0 then null else s.duration / 10 end,
        case when b = 0 then null else (b - 1) * s.duration / 10 end,
        case when b = 0 then 300 + s.h % 1500 else null end,
        '720p',
        (array['home','search','subscriptions','channel','playlist','recommendations','external','direct'])[1 + s.h % 8],
        (array['desktop','desktop','mobile','mobile','mobile','tablet','tv'])[1 + (s.h / 8) % 7],
        (array['Chrome','Firefox','Safari','Edge'])[1 + (s.h / 64) % 4],
        (array['US','DE','FR','IN','BR','JP','unknown'])[1 + (s.h / 256) % 7]
      from (
        select v.id as video_id, v.duration_seconds as duration,
          ${start}::timestamptz + make_interval(secs => (n * ${span}::int / ${sessionsPerVideoDay}::int)) as started,
          md5(v.id::text || ${day}::int || n) as session_id,
          abs(hashtext(v.id::text || ${day}::int || n)) as h
        from videos v, generate_series(1, ${sessionsPerVideoDay}::int) as n
        where v.id = any(${sql.val(videoIds)}::uuid[])
      ) s, generate_series(0, 1 + s.h % 10) as b`.execute(db);
    events += Number(result.numAffectedRows ?? 0);
  }
  const insertMs = performance.now() - insertStarted;
  // Statistics after a bulk load, as autovacuum would gather them, so the rollup and dashboard plans fit the data.
  await sql`analyze analytics_events`.execute(db);
  const rollupStarted = performance.now();
  await rebuildAnalytics(db);
  // What autovacuum does after bulk inserts: statistics, and the visibility map that index-only scans need.
  await sql`vacuum analyze analytics_video_hourly, analytics_video_daily, analytics_retention_daily, analytics_channel_daily,
    analytics_channel_viewers, analytics_channel_audience`.execute(db);
  return { channelId: channel.id, videoIds, events, insertMs, rollupMs: performance.now() - rollupStarted };
}
