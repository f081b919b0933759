/**
 * Subscription counters and playlist edits: stored counter vs count(*), subscribe throughput on one hot channel, edits of a full playlist.
 *
 * Runs the services in this process against a fresh database per backend (on-disk PGlite; PostgreSQL
 * next to DATABASE_URL's when it is set), so the figures are the database work the design chose:
 *   1. follower count of a channel with BENCH_FOLLOWERS subscribers: the `channel_stats` row vs `count(*)`
 *      over the subscriptions index (the alternative design);
 *   2. subscribe + unsubscribe toggles by BENCH_WORKERS concurrent users, all on one channel (every
 *      transaction updates that channel's counter row) vs each on a channel of its own; the counters are
 *      checked against the rows afterwards;
 *   3. a playlist filling up to the 5,000-entry limit: read the first page of 20, add at the front and
 *      move first -> last (each renumbers every entry), and a short move of 5 places.
 *
 * Environment: BENCH_FOLLOWERS (100000), BENCH_WORKERS (10), BENCH_SECONDS (5), BENCH_SAMPLES (200),
 * DATABASE_URL (enables PostgreSQL).
 */
import { cpus, totalmem } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import type { AuthenticatedUser } from '../src/platform/http/auth-guard.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createPlatform } from '../src/platform/platform.ts';
import { createServices } from '../src/modules/services.ts';
import { channelStatsRepo } from '../src/modules/subscriptions/channel-stats-repo.ts';
import { SubscriptionService } from '../src/modules/subscriptions/service.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { ms, percentiles, timeEach } from './support/latency.ts';

const FOLLOWERS = Math.round(envNumber('BENCH_FOLLOWERS', 100_000));
const WORKERS = Math.round(envNumber('BENCH_WORKERS', 10));
const SECONDS = envNumber('BENCH_SECONDS', 5);
const SAMPLES = Math.round(envNumber('BENCH_SAMPLES', 200));
const PLAYLIST_SIZE = 5000;

interface Seeded {
  channelId: string;
  workerIds: string[];
  ownChannelIds: string[];
  ownerId: string;
  playlistId: string;
  spareVideoIds: string[];
}

/** Everything in bulk SQL: the figures are about reading and editing, not about seeding. */
async function seed(db: Kysely<DB>): Promise<Seeded> {
  const insertUsers = async (prefix: string, count: number) => {
    const { rows } = await sql<{ id: string }>`
      insert into users (username, email, password_hash, role)
      select ${prefix} || n, ${prefix} || n || '@example.com', 'unused', 'creator' from generate_series(1, ${count}::int) as n
      returning id`.execute(db);
    return rows.map((row) => row.id);
  };
  const [channelId] = (await insertUsers('channel_', 1)) as [string];
  await insertUsers('follower_', FOLLOWERS);
  await sql`insert into subscriptions (subscriber_id, channel_id)
    select id, ${channelId}::uuid from users where username like 'follower\\_%'`.execute(db);
  await channelStatsRepo.rebuild(db);
  const workerIds = await insertUsers('worker_', WORKERS);
  const ownChannelIds = await insertUsers('own_channel_', WORKERS);

  const [ownerId] = (await insertUsers('owner_', 1)) as [string];
  const { rows: videos } = await sql<{ id: string }>`
    insert into videos (creator_id, title, status, visibility)
    select ${ownerId}::uuid, 'Video ' || n, 'ready', 'public' from generate_series(1, ${PLAYLIST_SIZE + SAMPLES}::int) as n
    returning id`.execute(db);
  const { id: playlistId } = await db
    .insertInto('playlists')
    .values({ owner_id: ownerId, title: 'Full' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entries = videos.slice(0, PLAYLIST_SIZE - SAMPLES);
  for (let start = 0; start < entries.length; start += 1000) {
    await db
      .insertInto('playlist_items')
      .values(
        entries
          .slice(start, start + 1000)
          .map((video, offset) => ({ playlist_id: playlistId, video_id: video.id, position: start + offset })),
      )
      .execute();
  }
  await db.updateTable('playlists').set({ item_count: entries.length }).where('id', '=', playlistId).execute();
  return {
    channelId,
    workerIds,
    ownChannelIds,
    ownerId,
    playlistId,
    spareVideoIds: videos.slice(PLAYLIST_SIZE - SAMPLES).map((video) => video.id),
  };
}

/** Each worker toggles its subscription to its channel until time is up; answers toggles per second and p99. */
async function toggles(
  subscriptions: SubscriptionService,
  workers: AuthenticatedUser[],
  channelOf: (worker: number) => string,
) {
  const deadline = performance.now() + SECONDS * 1000;
  const samples: number[] = [];
  await Promise.all(
    workers.map(async (worker, index) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await subscriptions.subscribe(worker, channelOf(index));
        await subscriptions.unsubscribe(worker, channelOf(index));
        samples.push((performance.now() - started) / 2);
      }
    }),
  );
  return { perSecond: (samples.length * 2) / SECONDS, ...percentiles(samples) };
}

async function countersMatchRows(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ off: number }>`
    select count(*)::int as off from channel_stats
    where subscriber_count <> (select count(*) from subscriptions where channel_id = channel_stats.user_id)
       or subscription_count <> (select count(*) from subscriptions where subscriber_id = channel_stats.user_id)`.execute(
    db,
  );
  return rows[0]?.off === 0;
}

async function measure(kind: DatabaseKind): Promise<string[][]> {
  process.stderr.write(`${kind}: seeding ${FOLLOWERS} followers and a ${PLAYLIST_SIZE}-entry playlist…\n`);
  const database = await prepareBenchDatabase(kind, seed);
  const config = loadConfig({
    ...database.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    WORKERS_IN_PROCESS: 'false',
  });
  // Slow-query warnings would bury the table; the latencies are what this prints.
  const platform = await createPlatform(config, { logger: createLogger('error') });
  try {
    const { db } = platform.database;
    const { channelId, workerIds, ownChannelIds, ownerId, playlistId, spareVideoIds } = database.seeded;
    const rows: string[][] = [];

    const stored = await timeEach(SAMPLES, () => channelStatsRepo.read(db, channelId));
    const counted = await timeEach(SAMPLES, () =>
      sql`select count(*) from subscriptions where channel_id = ${channelId}::uuid`.execute(db),
    );
    rows.push([
      kind,
      `follower count, ${FOLLOWERS.toLocaleString('en-US')} followers: channel_stats row`,
      '',
      ms(stored.p50),
      ms(stored.p99),
    ]);
    rows.push([
      kind,
      `follower count, ${FOLLOWERS.toLocaleString('en-US')} followers: count(*)`,
      '',
      ms(counted.p50),
      ms(counted.p99),
    ]);

    const subscriptions = new SubscriptionService(db);
    const workers = workerIds.map((id): AuthenticatedUser => ({ id, role: 'creator' }));
    const hot = await toggles(subscriptions, workers, () => channelId);
    const spread = await toggles(subscriptions, workers, (index) => ownChannelIds[index]!);
    const exact = (await countersMatchRows(db)) ? 'counters exact' : 'COUNTERS OFF';
    rows.push([
      kind,
      `subscribe/unsubscribe, ${WORKERS} users, one hot channel (${exact})`,
      Math.round(hot.perSecond).toLocaleString('en-US'),
      ms(hot.p50),
      ms(hot.p99),
    ]);
    rows.push([
      kind,
      `subscribe/unsubscribe, ${WORKERS} users, a channel each`,
      Math.round(spread.perSecond).toLocaleString('en-US'),
      ms(spread.p50),
      ms(spread.p99),
    ]);

    const playlists = createServices(platform).playlists;
    const owner: AuthenticatedUser = { id: ownerId, role: 'creator' };
    // Read first: the edits below rewrite thousands of rows each and leave dead tuples for autovacuum.
    const firstPage = await timeEach(SAMPLES, () => playlists.read(owner, playlistId, { limit: 20 }));
    const add = await timeEach(SAMPLES, (index) => playlists.items.add(owner, playlistId, spareVideoIds[index]!, 0));
    const videoIds = await db
      .selectFrom('playlist_items')
      .select('video_id')
      .where('playlist_id', '=', playlistId)
      .orderBy('position')
      .execute();
    const move = await timeEach(SAMPLES, (index) =>
      playlists.items.move(owner, playlistId, videoIds[index]!.video_id, PLAYLIST_SIZE),
    );
    // The last video moved is last now; it swings 5 places up and back.
    const lastMoved = videoIds[SAMPLES - 1]!.video_id;
    const nearMove = await timeEach(SAMPLES, (index) =>
      playlists.items.move(owner, playlistId, lastMoved, PLAYLIST_SIZE - (index % 2 === 0 ? 6 : 1)),
    );
    const size = `playlist of ${(PLAYLIST_SIZE - SAMPLES).toLocaleString('en-US')}-${PLAYLIST_SIZE.toLocaleString('en-US')}`;
    rows.push([kind, `${size}: first page of 20 entries (entry rows only)`, '', ms(firstPage.p50), ms(firstPage.p99)]);
    rows.push([kind, `${size}: add at the front (renumbers all)`, '', ms(add.p50), ms(add.p99)]);
    rows.push([
      kind,
      `playlist of ${PLAYLIST_SIZE.toLocaleString('en-US')}: move first -> last (renumbers all)`,
      '',
      ms(move.p50),
      ms(move.p99),
    ]);
    rows.push([
      kind,
      `playlist of ${PLAYLIST_SIZE.toLocaleString('en-US')}: move 5 places`,
      '',
      ms(nearMove.p50),
      ms(nearMove.p99),
    ]);
    return rows;
  } finally {
    await platform.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const cpuList = cpus();
  console.log('# Subscriptions and playlists benchmark');
  console.log(
    `machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(
    `services called in-process; ${SAMPLES} sequential samples per latency row; toggles for ${SECONDS} s; latencies in ms`,
  );
  console.log('');
  const rows: string[][] = [];
  for (const kind of benchDatabaseKinds()) rows.push(...(await measure(kind)));
  console.log(
    markdownTable(['database', 'operation', 'ops/s', 'p50 ms', 'p99 ms'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `subscriptions-playlists benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
