/**
 * Notifications at scale: fan-out of one upload to 100k subscribers with notifications on, a second upload collapsing into those rows, unread-count latency.
 *
 * Runs the notifications module in this process against a fresh database per backend (on-disk
 * PGlite; PostgreSQL next to DATABASE_URL's when set), with Redis pub/sub when REDIS_URL is set:
 *   1. fan-out of one new public upload from a channel with BENCH_SUBSCRIBERS subscribers (all with
 *      notifications on, plus 10 % more with them off, which the walk skips), batches of 1,000;
 *   2. a second upload right after: every subscriber's unread row collapses it in ("2 new videos");
 *   3. the unread count (the badge) of a heavy user with 2,000 notifications, 500 unread, and of a
 *      random subscriber: BENCH_SAMPLES sequential reads each.
 *
 * Environment: BENCH_SUBSCRIBERS (100000), BENCH_SAMPLES (500), DATABASE_URL, REDIS_URL, BENCH_DATABASES.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import { KIND } from '../src/modules/notifications/builtin-kinds.ts';
import { createServices } from '../src/modules/services.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { ms, timeEach } from './support/latency.ts';

const SUBSCRIBERS = Math.round(envNumber('BENCH_SUBSCRIBERS', 100_000));
const SAMPLES = Math.round(envNumber('BENCH_SAMPLES', 500));
const HEAVY_TOTAL = 2000;
const HEAVY_UNREAD = 500;

interface Seeded {
  channelId: string;
  heavyUserId: string;
  someSubscriberId: string;
}

async function seed(db: Kysely<DB>): Promise<Seeded> {
  const insertUsers = async (prefix: string, count: number) =>
    (
      await sql<{ id: string }>`
    insert into users (username, email, password_hash, role)
    select ${prefix} || n, ${prefix} || n || '@example.com', 'unused', 'creator' from generate_series(1, ${count}::int) as n
    returning id`.execute(db)
    ).rows.map((row) => row.id);
  const [channelId] = (await insertUsers('channel_', 1)) as [string];
  const [heavyUserId] = (await insertUsers('heavy_', 1)) as [string];
  const subscriberIds = await insertUsers('subscriber_', SUBSCRIBERS + Math.round(SUBSCRIBERS / 10));
  await sql`insert into subscriptions (subscriber_id, channel_id, notifications_enabled)
    select id, ${channelId}::uuid, row_number() over (order by id) <= ${SUBSCRIBERS}
    from users where username like 'subscriber\\_%'`.execute(db);
  // The heavy user's history: HEAVY_TOTAL notifications, the newest HEAVY_UNREAD unread.
  await sql`insert into notifications (recipient_id, kind, data, read_at)
    select ${heavyUserId}::uuid, ${KIND.commentReply}, '{}'::jsonb, case when n > ${HEAVY_UNREAD} then now() end
    from generate_series(1, ${HEAVY_TOTAL}::int) as n`.execute(db);
  await sql`analyze`.execute(db);
  return { channelId, heavyUserId, someSubscriberId: subscriberIds[Math.floor(subscriberIds.length / 2)]! };
}

const load = () => loadavg()[0]!.toFixed(1);

async function upload(platform: Platform, channelId: string): Promise<string> {
  const { id } = await platform.database.db
    .insertInto('videos')
    .values({
      creator_id: channelId,
      title: `New upload ${randomUUID()}`,
      status: 'ready',
      visibility: 'public',
      processed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function measureWith(label: string, platform: Platform, seeded: Seeded): Promise<string[][]> {
  const rows: string[][] = [];
  const { notifications } = createServices(platform);

  const first = await upload(platform, seeded.channelId);
  let started = performance.now();
  const notified = await notifications.fanOut.run(first);
  rows.push([
    label,
    `fan-out of one upload to ${notified.toLocaleString('en-US')} subscribers (notifications on)`,
    ms(performance.now() - started),
    '',
    '',
    load(),
  ]);

  const second = await upload(platform, seeded.channelId);
  started = performance.now();
  const collapsed = await notifications.fanOut.run(second);
  rows.push([
    label,
    `second upload collapsing into ${collapsed.toLocaleString('en-US')} unread rows`,
    ms(performance.now() - started),
    '',
    '',
    load(),
  ]);

  const heavy = await timeEach(SAMPLES, () => notifications.inbox.unreadCount(seeded.heavyUserId));
  rows.push([
    label,
    `unread count, ${HEAVY_TOTAL.toLocaleString('en-US')} notifications (${HEAVY_UNREAD} unread)`,
    '',
    ms(heavy.p50),
    ms(heavy.p95),
    load(),
  ]);
  const typical = await timeEach(SAMPLES, () => notifications.inbox.unreadCount(seeded.someSubscriberId));
  rows.push([label, 'unread count, a subscriber (1 collapsed row)', '', ms(typical.p50), ms(typical.p95), load()]);
  const page = await timeEach(Math.min(SAMPLES, 200), () => notifications.inbox.page(seeded.heavyUserId, 20));
  rows.push([label, 'first page of 20 notifications (heavy user)', '', ms(page.p50), ms(page.p95), load()]);
  return rows;
}

async function measure(kind: DatabaseKind): Promise<string[][]> {
  process.stderr.write(`${kind}: seeding ${SUBSCRIBERS} subscribers with notifications on…\n`);
  const database = await prepareBenchDatabase(kind, seed);
  const extra: Record<string, string> = process.env.REDIS_URL
    ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `bench-${randomUUID().slice(0, 8)}:` }
    : {};
  const label = process.env.REDIS_URL ? `${kind} + Redis pub/sub` : kind;
  try {
    const config = loadConfig({
      ...database.env,
      ...extra,
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      WORKERS_IN_PROCESS: 'false',
    });
    const platform = await createPlatform(config, { logger: createLogger('error') });
    try {
      return await measureWith(label, platform, database.seeded);
    } finally {
      await platform.close();
    }
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  const cpuList = cpus();
  console.log('# Notifications benchmark: fan-out and the unread badge');
  console.log(
    `machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average ${load()} at start (shared machine)`,
  );
  console.log(
    `services called in-process; ${SAMPLES} sequential samples per latency row; times in ms; load = 1-minute load average after the row`,
  );
  console.log('');
  const rows: string[][] = [];
  for (const kind of benchDatabaseKinds()) rows.push(...(await measure(kind)));
  console.log(
    markdownTable(['backend', 'operation', 'total ms', 'p50 ms', 'p95 ms', 'load'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
    ]),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`notifications benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
