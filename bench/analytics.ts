/**
 * Analytics: ingest events/s into the raw table with batching (and the queue lag), then dashboard query p95 from rollups.
 *
 * Ingest: producers push batches of 100 enriched events (what the API hands over after validation) into
 * the buffer at BENCH_OFFERED_RATE events/s for BENCH_SECONDS; one IngestFlusher drains it as the workers
 * do (100 events or 1 s, chunks of up to 10,000). Reported: events/s written, the buffer's backlog and
 * the age of its oldest event (the queue lag) sampled every 250 ms. Modes: embedded (PGlite on disk,
 * in-process buffer) and PostgreSQL (+ Redis list buffer when REDIS_URL is set).
 * Dashboard: `seedAnalytics` (the same generator as `streamhub seed --analytics`) writes
 * BENCH_ANALYTICS_EVENTS raw events over BENCH_ANALYTICS_DAYS days for BENCH_ANALYTICS_VIDEOS videos and
 * rolls them up; then each dashboard query runs BENCH_QUERY_RUNS times and its p95 is reported.
 * The load average is printed next to every figure: the machine is shared.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { Redis } from 'ioredis';
import pino from 'pino';
import { openDatabase } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import {
  MemoryEventBuffer,
  RedisEventBuffer,
  type AnalyticsEventBuffer,
  type BufferedEvent,
} from '../src/modules/analytics/event-buffer.ts';
import { IngestFlusher } from '../src/modules/analytics/ingest-flusher.ts';
import { AnalyticsQueryService, type Range } from '../src/modules/analytics/query-service.ts';
import { seedAnalytics } from '../src/modules/seed/analytics-seed.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';

const SECONDS = envNumber('BENCH_SECONDS', 10);
const OFFERED_RATE = envNumber('BENCH_OFFERED_RATE', 25_000);
const SEED_EVENTS = envNumber('BENCH_ANALYTICS_EVENTS', 1_000_000);
const SEED_DAYS = envNumber('BENCH_ANALYTICS_DAYS', 30);
const SEED_VIDEOS = envNumber('BENCH_ANALYTICS_VIDEOS', 1000);
const QUERY_RUNS = envNumber('BENCH_QUERY_RUNS', 50);
const DAY_MS = 86_400_000;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const logger = pino({ level: 'warn' });

function syntheticEvents(count: number, videoIds: string[], channelId: string): BufferedEvent[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => ({
    occurredAt: now - (index % 1000),
    receivedAt: now,
    videoId: videoIds[index % videoIds.length]!,
    channelId,
    sessionId: `bench${index % 5000}`,
    viewerId: null,
    type: index % 10 === 0 ? 'play' : 'heartbeat',
    position: (index % 60) + 10,
    secondsPlayed: 10,
    fromSeconds: index % 60,
    durationMs: index % 10 === 0 ? 500 : null,
    rendition: '720p',
    referrer: 'home',
    device: 'desktop',
    browser: 'Chrome',
    country: 'unknown',
  }));
}

interface IngestResult {
  offeredPerSecond: number;
  written: number;
  seconds: number;
  maxBacklog: number;
  maxLagMs: number;
  p95LagMs: number;
  load: string;
}

async function measureIngest(
  buffer: AnalyticsEventBuffer,
  flusher: IngestFlusher,
  videoIds: string[],
  channelId: string,
): Promise<IngestResult> {
  const template = syntheticEvents(10_000, videoIds, channelId);
  flusher.start(50);
  const lags: number[] = [];
  let maxBacklog = 0;
  const sampler = setInterval(() => {
    void Promise.all([buffer.size(), buffer.oldestAgeMs()]).then(([size, lag]) => {
      maxBacklog = Math.max(maxBacklog, size);
      lags.push(lag);
    });
  }, 250);
  const started = performance.now();
  let offered = 0;
  // Offer batches of 100 at the target rate, ticking every 10 ms.
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    const due = Math.floor(((performance.now() - started) / 1000) * OFFERED_RATE);
    // A producer that falls behind (a busy machine) stops at the deadline rather than catching up after it.
    while (offered + 100 <= due && performance.now() < deadline) {
      const now = Date.now();
      const batch = template
        .slice(offered % 9_900, (offered % 9_900) + 100)
        .map((event) => ({ ...event, occurredAt: now, receivedAt: now }));
      await buffer.push(batch);
      offered += 100;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const offeredPerSecond = offered / ((performance.now() - started) / 1000);
  clearInterval(sampler);
  await flusher.stop(); // drains the rest: written/s counts until the last event is in the table
  const seconds = (performance.now() - started) / 1000;
  lags.sort((a, b) => a - b);
  return {
    offeredPerSecond,
    written: offered,
    seconds,
    maxBacklog,
    maxLagMs: lags.at(-1) ?? 0,
    p95LagMs: lags[Math.floor(lags.length * 0.95)] ?? 0,
    load: load(),
  };
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

async function timeQuery(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // warm the plan and the cache
  const samples: number[] = [];
  for (let index = 0; index < QUERY_RUNS; index += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)]!, p95: p95(samples) };
}

/** p50/p95 of each dashboard query (from rollups) for one seeded channel and one of its videos. */
async function measureDashboard(db: Kysely<DB>, label: string, channelId: string, video: string): Promise<string[][]> {
  const range: Range = { from: new Date(Date.now() - 28 * DAY_MS), to: new Date(), granularity: 'day' };
  const queries = new AnalyticsQueryService({ db });
  const rows: string[][] = [];
  for (const [name, run] of [
    ['channel overview (28 days)', () => queries.channelOverview(channelId, range)],
    ['video overview (28 days, daily)', () => queries.videoOverview(video, range)],
    [
      'video overview (7 days, hourly)',
      () =>
        queries.videoOverview(video, { from: new Date(Date.now() - 7 * DAY_MS), to: new Date(), granularity: 'hour' }),
    ],
    ['video retention (28 days)', () => queries.retention(video, range)],
    ['video sources + devices', () => queries.videoBreakdowns(video, range)],
  ] as const) {
    const timing = await timeQuery(run);
    rows.push([label, name, timing.p50.toFixed(1), timing.p95.toFixed(1), load()]);
  }
  return rows;
}

/**
 * BENCH_ANALYTICS_SEEDED_URL: a PostgreSQL database already filled by `streamhub seed --analytics`
 * (seeding 10 M events takes minutes; the dashboard can then be measured again and again, e.g. once the
 * machine is quiet). Only the dashboard queries run.
 */
async function measureSeededDatabase(url: string): Promise<void> {
  const database = await openDatabase({ url, poolSize: 4 });
  try {
    const channel = await database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'analytics_demo')
      .executeTakeFirstOrThrow();
    const { rows } = await sql<{
      events: string;
      video: string;
    }>`select (select count(*) from analytics_events)::text as events,
      (select video_id from analytics_video_daily where channel_id = ${channel.id} limit 1) as video`.execute(
      database.db,
    );
    console.log(`seeded database: ${Number(rows[0]!.events).toLocaleString('en-US')} raw events; load ${load()}`);
    const measured = await measureDashboard(database.db, 'postgres (seeded)', channel.id, rows[0]!.video);
    console.log('\nDashboard queries (from rollups)\n');
    console.log(
      markdownTable(['backend', 'query', 'p50 ms', 'p95 ms', 'load avg'], measured, [
        'left',
        'left',
        'right',
        'right',
        'left',
      ]),
    );
  } finally {
    await database.close();
  }
}

async function main() {
  const seededUrl = process.env.BENCH_ANALYTICS_SEEDED_URL;
  if (seededUrl) return measureSeededDatabase(seededUrl);
  console.log(
    `analytics bench: ${SECONDS} s ingest at ${OFFERED_RATE} events/s offered; dashboard over ${SEED_EVENTS.toLocaleString('en-US')} events, ${SEED_DAYS} days, ${SEED_VIDEOS} videos`,
  );
  console.log(`shared 2-core machine; load average at start ${load()}`);
  const ingestRows: string[][] = [];
  const queryRows: string[][] = [];
  for (const kind of benchDatabaseKinds()) {
    const prepared = await prepareBenchDatabase(kind, async () => undefined);
    const database = await openDatabase(
      kind === 'pglite' ? { dataDir: prepared.env.DATA_DIR } : { url: prepared.env.DATABASE_URL, poolSize: 4 },
    );
    try {
      const redis = kind === 'postgres' && process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
      const seedStarted = performance.now();
      const seeded = await seedAnalytics(database.db, { videos: SEED_VIDEOS, days: SEED_DAYS, events: SEED_EVENTS });
      console.log(
        `${kind}: seeded ${seeded.events.toLocaleString('en-US')} events in ${(seeded.insertMs / 1000).toFixed(1)} s, rolled up in ${(seeded.rollupMs / 1000).toFixed(1)} s (total ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; load ${load()})`,
      );

      queryRows.push(...(await measureDashboard(database.db, kind, seeded.channelId, seeded.videoIds[0]!)));

      const buffer: AnalyticsEventBuffer = redis
        ? new RedisEventBuffer(redis, `bench-${randomUUID().slice(0, 8)}:`)
        : new MemoryEventBuffer(5_000_000);
      const flusher = new IngestFlusher({ buffer, db: database.db, logger });
      const ingest = await measureIngest(buffer, flusher, seeded.videoIds, seeded.channelId);
      ingestRows.push([
        kind === 'pglite'
          ? 'embedded (PGlite, memory buffer)'
          : `PostgreSQL (${redis ? 'Redis list' : 'memory'} buffer)`,
        `${Math.round(ingest.offeredPerSecond).toLocaleString('en-US')} of ${OFFERED_RATE.toLocaleString('en-US')}`,
        Math.round(ingest.written / ingest.seconds).toLocaleString('en-US'),
        ingest.maxBacklog.toLocaleString('en-US'),
        ingest.p95LagMs.toFixed(0),
        ingest.maxLagMs.toFixed(0),
        ingest.load,
      ]);
      redis?.disconnect();
    } finally {
      await database.close();
      await prepared.drop();
    }
  }
  console.log('\nIngest (buffer -> raw table, batched)\n');
  console.log(
    markdownTable(
      [
        'mode',
        'offered events/s (achieved of target)',
        'written events/s',
        'max backlog',
        'lag p95 ms',
        'lag max ms',
        'load avg',
      ],
      ingestRows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  console.log('\nDashboard queries (from rollups)\n');
  console.log(
    markdownTable(['backend', 'query', 'p50 ms', 'p95 ms', 'load avg'], queryRows, [
      'left',
      'left',
      'right',
      'right',
      'left',
    ]),
  );
}

await main();
