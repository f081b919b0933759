/**
 * Feeds and trending at scale: fan-out of one upload to 100k subscribers, subscriptions feed latency for a user following 500 channels, trending refresh.
 *
 * Runs the services in this process against a fresh database per backend (on-disk PGlite; PostgreSQL
 * next to DATABASE_URL's when set), with feeds and rankings in the database, and again with them in
 * Redis when REDIS_URL is set:
 *   1. fan-out of one new upload from a channel with BENCH_SUBSCRIBERS subscribers (batches of 1,000);
 *   2. the subscriptions feed of a reader following 500 channels (490 fanned out, 10 big channels
 *      pulled at read time): first page of 20 and a page 200 entries deep, BENCH_SAMPLES each;
 *   3. a trending refresh (hour, day and week rankings) over BENCH_ACTIVE_VIDEOS videos with
 *      activity spread over the last week, in a catalogue of BENCH_VIDEOS videos.
 *
 * Environment: BENCH_SUBSCRIBERS (100000), BENCH_VIDEOS (200000), BENCH_ACTIVE_VIDEOS (30000),
 * BENCH_SAMPLES (200), DATABASE_URL (adds PostgreSQL), REDIS_URL (adds the Redis stores).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import { createServices, type Services } from '../src/modules/services.ts';
import { fanOutVideo } from '../src/modules/feeds/jobs.ts';
import { refreshTrending } from '../src/modules/trending/refresh.ts';
import { channelStatsRepo } from '../src/modules/subscriptions/channel-stats-repo.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { ms, timeEach } from './support/latency.ts';

const SUBSCRIBERS = Math.round(envNumber('BENCH_SUBSCRIBERS', 100_000));
const VIDEOS = Math.round(envNumber('BENCH_VIDEOS', 200_000));
const ACTIVE_VIDEOS = Math.round(envNumber('BENCH_ACTIVE_VIDEOS', 30_000));
const SAMPLES = Math.round(envNumber('BENCH_SAMPLES', 200));
const FOLLOWED = 500;
const BIG_CHANNELS = 10;
const VIDEOS_PER_FOLLOWED = 20;
/** Big channels get more followers than this, so they are pulled; the others stay below it. */
const CELEBRITY_THRESHOLD = 50;

interface Seeded {
  readerId: string;
  hubChannelId: string;
  followedIds: string[];
}

async function seed(db: Kysely<DB>): Promise<Seeded> {
  const insertUsers = async (prefix: string, count: number) =>
    (
      await sql<{ id: string }>`
    insert into users (username, email, password_hash, role)
    select ${prefix} || n, ${prefix} || n || '@example.com', 'unused', 'creator' from generate_series(1, ${count}::int) as n
    returning id`.execute(db)
    ).rows.map((row) => row.id);
  const [readerId] = (await insertUsers('reader_', 1)) as [string];
  const [hubChannelId] = (await insertUsers('hub_', 1)) as [string];
  const followedIds = await insertUsers('followed_', FOLLOWED);
  await insertUsers('subscriber_', SUBSCRIBERS);
  await sql`insert into subscriptions (subscriber_id, channel_id)
    select id, ${hubChannelId}::uuid from users where username like 'subscriber\\_%'`.execute(db);
  await sql`insert into subscriptions (subscriber_id, channel_id) select ${readerId}::uuid, id from users where username like 'followed\\_%'`.execute(
    db,
  );
  // The first BIG_CHANNELS followed channels get enough extra followers to be "celebrities".
  await sql`insert into subscriptions (subscriber_id, channel_id)
    select s.id, c.id from (select id from users where username like 'followed\\_%' order by username limit ${BIG_CHANNELS}) as c
    cross join (select id from users where username like 'subscriber\\_%' limit ${CELEBRITY_THRESHOLD + 1}) as s`.execute(
    db,
  );
  await channelStatsRepo.rebuild(db);
  // Each followed channel: VIDEOS_PER_FOLLOWED uploads over the last 60 days; the rest of the catalogue
  // belongs to the hub channel, spread over a year.
  await sql`insert into videos (creator_id, title, status, visibility, category, processed_at, created_at)
    select c.id, 'Followed upload ' || n, 'ready', 'public', 'education', now() - random() * interval '60 days', now() - interval '61 days'
    from users c cross join generate_series(1, ${VIDEOS_PER_FOLLOWED}::int) as n where c.username like 'followed\\_%'`.execute(
    db,
  );
  await sql`insert into videos (creator_id, title, status, visibility, category, processed_at, created_at)
    select ${hubChannelId}::uuid, 'Catalogue video ' || n, 'ready', 'public',
      (array['music','gaming','science','technology','sports','news','howto'])[1 + n % 7],
      now() - random() * interval '365 days', now() - interval '366 days'
    from generate_series(1, ${Math.max(0, VIDEOS - FOLLOWED * VIDEOS_PER_FOLLOWED)}::int) as n`.execute(db);
  // Activity: ACTIVE_VIDEOS random videos, ten five-minute buckets each somewhere in the last week.
  await sql`insert into trending_activity (video_id, bucket, views, likes, comments, watch_seconds)
    select v.id, to_timestamp(floor(extract(epoch from now() - random() * interval '7 days') / 300) * 300) + (b * interval '5 minutes'),
      (random() * 100)::int, (random() * 10)::int, (random() * 3)::int, random() * 3000
    from (select id from videos order by random() limit ${ACTIVE_VIDEOS}) as v cross join generate_series(1, 10) as b
    on conflict do nothing`.execute(db);
  // As autovacuum would soon after a bulk load: without statistics the planner guesses badly.
  await sql`analyze`.execute(db);
  return { readerId, hubChannelId, followedIds };
}

/** The reader's stored feed as a fan-out would have left it: every upload of the small channels it follows. */
async function fillReaderFeed(platform: Platform, services: Services, seeded: Seeded): Promise<void> {
  const small = seeded.followedIds.slice(BIG_CHANNELS);
  const videos = await platform.database.db
    .selectFrom('videos')
    .select(['id', 'creator_id', 'processed_at'])
    .where('creator_id', 'in', small)
    .execute();
  const store = services.feedStore;
  await store.clear();
  for (const video of videos)
    await store.push([seeded.readerId], {
      videoId: video.id,
      creatorId: video.creator_id,
      publishedAt: video.processed_at!,
    });
}

async function measureWith(label: string, platform: Platform, seeded: Seeded): Promise<string[][]> {
  const services = createServices(platform);
  const rows: string[][] = [];
  const { db } = platform.database;
  const feeds = platform.config.feeds;

  // 1. Fan-out: a fresh upload of the hub channel, celebrity threshold lifted so it is pushed.
  const { id: videoId } = await db
    .insertInto('videos')
    .values({
      creator_id: seeded.hubChannelId,
      title: `New upload ${randomUUID()}`,
      status: 'ready',
      visibility: 'public',
      processed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  feeds.celebrityThreshold = Number.MAX_SAFE_INTEGER;
  const started = performance.now();
  const pushed = await fanOutVideo(services.feeds, videoId);
  const fanOutMs = performance.now() - started;
  feeds.celebrityThreshold = CELEBRITY_THRESHOLD;
  rows.push([label, `fan-out of one upload to ${pushed.toLocaleString('en-US')} subscribers`, ms(fanOutMs), '', '']);

  // 2. The reader's feed: 490 pushed channels + 10 pulled ones.
  await fillReaderFeed(platform, services, seeded);
  const feed = services.subscriptionsFeed;
  const first = await timeEach(SAMPLES, () => feed.page(seeded.readerId, 20));
  let cursor: string | null = null;
  for (let page = 0; page < 10; page += 1)
    cursor = (await feed.page(seeded.readerId, 20, cursor ?? undefined)).nextCursor;
  const deep = await timeEach(SAMPLES, () => feed.page(seeded.readerId, 20, cursor ?? undefined));
  rows.push([
    label,
    `subscriptions feed, ${FOLLOWED} channels followed (${BIG_CHANNELS} pulled): first page of 20`,
    '',
    ms(first.p50),
    ms(first.p95),
  ]);
  rows.push([label, 'subscriptions feed: page 200 entries deep', '', ms(deep.p50), ms(deep.p95)]);

  // 3. Trending refresh over the week's activity (three windows).
  const refreshes: number[] = [];
  for (let run = 0; run < 3; run += 1) refreshes.push((await refreshTrending(db, services.trendingStore)).durationMs);
  rows.push([
    label,
    `trending refresh, ${ACTIVE_VIDEOS.toLocaleString('en-US')} active of ${VIDEOS.toLocaleString('en-US')} videos (median of 3)`,
    ms(refreshes.sort((a, b) => a - b)[1]!),
    '',
    '',
  ]);
  return rows;
}

async function measure(kind: DatabaseKind): Promise<string[][]> {
  process.stderr.write(
    `${kind}: seeding ${SUBSCRIBERS} subscribers, ${VIDEOS} videos, ${ACTIVE_VIDEOS} with activity…\n`,
  );
  const database = await prepareBenchDatabase(kind, seed);
  const rows: string[][] = [];
  const variants: [string, Record<string, string>][] = [[kind, {}]];
  if (process.env.REDIS_URL)
    variants.push([
      `${kind} + Redis`,
      { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `bench-${randomUUID().slice(0, 8)}:` },
    ]);
  try {
    for (const [label, extra] of variants) {
      const config = loadConfig({
        ...database.env,
        ...extra,
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        WORKERS_IN_PROCESS: 'false',
        FEED_CELEBRITY_THRESHOLD: String(CELEBRITY_THRESHOLD),
      });
      const platform = await createPlatform(config, { logger: createLogger('error') });
      try {
        rows.push(...(await measureWith(label, platform, database.seeded)));
        await createServices(platform).feedStore.clear();
      } finally {
        await platform.close();
      }
    }
    return rows;
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  const cpuList = cpus();
  console.log('# Discovery benchmark: feeds and trending');
  console.log(
    `machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`services called in-process; ${SAMPLES} sequential samples per latency row; times in ms`);
  console.log('');
  const rows: string[][] = [];
  for (const kind of benchDatabaseKinds()) rows.push(...(await measure(kind)));
  console.log(
    markdownTable(['backend', 'operation', 'total ms', 'p50 ms', 'p95 ms'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`discovery benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
