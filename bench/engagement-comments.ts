/**
 * p50/p99 of the first page of comments on a video with 100,000 comments (sort=top and sort=newest), PGlite and PostgreSQL.
 *
 * Seeding writes straight to the database, in batches of one `insert … select generate_series(…)` each
 * (10,000 rows a statement): BENCH_COMMENTS top-level comments from 200 authors on one ready public video,
 * with like counts spread over 0–999 (so the top sort has long runs of ties), distinct creation times,
 * and a like row from the benchmark's viewer on every 7th comment (so `hasLiked` is sometimes true).
 * like_count is seeded as a number rather than from like rows: only the ordering matters here.
 *
 * Then the full app runs in its own process (bench/support/serve-target.ts real) and autocannon requests
 *   GET /api/v1/videos/:id/comments?sort=top   and   ?sort=newest
 * as that signed-in viewer (the heavier path: hidden-comment filter and hasLiked lookup), first with one
 * connection (a lone request's latency), then with BENCH_CONNECTIONS concurrent connections. For scale on
 * a shared machine, the same window also measures the app's plainest read, GET /api/v1/users/:id.
 * Every path is warmed up (BENCH_WARMUP_SECONDS at BENCH_CONNECTIONS) before anything is measured.
 * Goal: first page p99 < 20 ms.
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (5), BENCH_CONNECTIONS (10), BENCH_COMMENTS (100000),
 * BENCH_TARGETS (pglite,postgres), BENCH_CPU_PROF=<dir> (a V8 CPU profile of each target), DATABASE_URL (enables PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon, { type AutocannonResult } from 'autocannon';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { AccessTokenSigner } from '../src/platform/security/jwt.ts';
import { benchDatabaseKinds, prepareBenchDatabase, type BenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { startTarget, stopAllTargets, type TargetProcess } from './support/target-process.ts';
import { appTargetEnv } from './support/app-target-env.ts';

const SECONDS = envNumber('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 5);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 10));
const COMMENTS = Math.round(envNumber('BENCH_COMMENTS', 100_000));
const AUTHORS = 200;
const BATCH = 10_000;
const GOAL_P99_MS = 20;
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || undefined;
/** What is measured: the first page in each sort, and the plainest read of the app for scale. */
const SCENARIOS = ['top', 'newest', 'user profile'] as const;
type Scenario = (typeof SCENARIOS)[number];
const LABELS: Record<DatabaseKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

interface Seeded {
  videoId: string;
  viewerId: string;
}

interface Measurement {
  kind: DatabaseKind;
  scenario: Scenario;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Server CPU time (user + system) per request in microseconds: steadier than latency on a shared machine. */
  cpuPerRequest: number;
  failures: number;
}

async function seed(db: Kysely<DB>): Promise<Seeded> {
  const tag = randomBytes(3).toString('hex');
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: AUTHORS + 2 }, (_, n) => ({
        username: `comments_${tag}_${n}`,
        email: `comments_${tag}_${n}@example.com`,
        password_hash: 'not-a-login',
      })),
    )
    .returning('id')
    .execute();
  const [creator, viewer, ...authors] = users.map((row) => row.id);
  const video = await db
    .insertInto('videos')
    .values({ creator_id: creator!, title: 'The most discussed video', status: 'ready', duration_seconds: 60 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const authorIds = sql`array[${sql.join(authors.map((id) => sql`${id}::uuid`))}]`;
  for (let start = 0; start < COMMENTS; start += BATCH) {
    const end = Math.min(COMMENTS, start + BATCH) - 1;
    await sql`insert into comments (video_id, user_id, text, like_count, created_at)
      select ${video.id}::uuid, (${authorIds})[1 + g % ${AUTHORS}::int],
        'Comment number ' || g || ': a few words about the video, long enough to look like a real comment.',
        (g * 7919) % 1000, date_trunc('milliseconds', now()) - g * interval '1 second'
      from generate_series(${start}::int, ${end}::int) g`.execute(db);
  }
  await sql`insert into comment_likes (comment_id, user_id)
    select id, ${viewer}::uuid from comments where video_id = ${video.id} and abs(hashtext(id::text)) % 7 = 0`.execute(
    db,
  );
  await db.updateTable('videos').set({ comment_count: COMMENTS }).where('id', '=', video.id).execute();
  return { videoId: video.id, viewerId: viewer! };
}

function firstPage(
  target: TargetProcess,
  path: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<AutocannonResult> {
  return Promise.resolve(
    autocannon({
      url: target.baseUrl + path,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 10,
      headers: { authorization: `Bearer ${token}` },
    }),
  );
}

/** One real request first, so a broken target fails loudly instead of benchmarking errors. */
async function checkTarget(target: TargetProcess, path: string, token: string): Promise<void> {
  const response = await fetch(target.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data?: unknown[]; meta?: { nextCursor?: string } };
  if (response.status !== 200 || body.data?.length !== 20 || !body.meta?.nextCursor) {
    throw new Error(`GET ${path} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

function pathOf(scenario: Scenario, seeded: Seeded): string {
  if (scenario === 'user profile') return `/api/v1/users/${seeded.viewerId}`;
  return `/api/v1/videos/${seeded.videoId}/comments?sort=${scenario}`;
}

async function measureDatabase(database: BenchDatabase<Seeded>): Promise<Measurement[]> {
  const secret = randomBytes(32).toString('hex');
  const target = await startTarget('real', {
    env: appTargetEnv({ ...database.env, JWT_SECRET: secret }),
    cpuProfDir: CPU_PROF_DIR,
  });
  const { token } = await new AccessTokenSigner(secret, 3600).sign({
    userId: database.seeded.viewerId,
    role: 'viewer',
  });
  const measurements: Measurement[] = [];
  try {
    for (const sort of ['top', 'newest'] as const) await checkTarget(target, pathOf(sort, database.seeded), token);
    for (const scenario of SCENARIOS)
      await firstPage(target, pathOf(scenario, database.seeded), token, CONNECTIONS, WARMUP_SECONDS);
    for (const scenario of SCENARIOS) {
      for (const connections of scenario === 'user profile' ? [1] : [1, CONNECTIONS]) {
        const cpuBefore = await target.cpuUsage();
        const result = await firstPage(target, pathOf(scenario, database.seeded), token, connections, SECONDS);
        const cpuAfter = await target.cpuUsage();
        const cpuMicros = cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system;
        const measurement: Measurement = {
          kind: database.kind,
          scenario,
          connections,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          cpuPerRequest: result.requests.total ? cpuMicros / result.requests.total : 0,
          failures: result.errors + result.timeouts + result.non2xx,
        };
        process.stderr.write(
          `${LABELS[database.kind]} ${scenario} ×${connections}: ${Math.round(measurement.requestsPerSecond)} req/s, ` +
            `p50 ${measurement.p50} ms, p99 ${measurement.p99} ms, ${measurement.cpuPerRequest.toFixed(0)} CPU µs/req, load ${loadavg()[0]!.toFixed(1)}\n`,
        );
        measurements.push(measurement);
      }
    }
    return measurements;
  } finally {
    await target.stop();
  }
}

function report(measurements: Measurement[]): string {
  const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
  return markdownTable(
    ['database', 'request', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'errors/non-2xx'],
    measurements.map((m) => [
      LABELS[m.kind],
      m.scenario === 'user profile' ? 'GET /users/:id (for scale)' : `first page, sort=${m.scenario}`,
      String(m.connections),
      Math.round(m.requestsPerSecond).toLocaleString('en-US'),
      ms(m.p50),
      ms(m.p99),
      m.cpuPerRequest.toFixed(0),
      m.failures.toLocaleString('en-US'),
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

function selectedKinds(): DatabaseKind[] {
  const wanted = process.env.BENCH_TARGETS?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return benchDatabaseKinds().filter((kind) => !wanted?.length || wanted.includes(kind));
}

async function main(): Promise<number> {
  const cpuList = cpus();
  console.log('# Engagement benchmark: first page of comments (GET /api/v1/videos/:id/comments)');
  console.log(
    `machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ` +
      `load average at start ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `data: ${COMMENTS.toLocaleString('en-US')} top-level comments on one video; requests as a signed-in viewer, limit 20 (the default)`,
  );
  console.log(
    `load: autocannon, 1 and ${CONNECTIONS} connections, warm-up ${WARMUP_SECONDS} s + ${SECONDS} s each; the target runs in its own process`,
  );
  console.log('');

  const databases: Array<BenchDatabase<Seeded>> = [];
  process.once('SIGINT', () => {
    void stopAllTargets()
      .then(() => Promise.all(databases.map((database) => database.drop())))
      .finally(() => process.exit(130));
  });
  const measurements: Measurement[] = [];
  try {
    for (const kind of selectedKinds()) {
      const startedAt = performance.now();
      const database = await prepareBenchDatabase(kind, seed);
      databases.push(database);
      console.log(
        `${LABELS[kind]}: seeded ${COMMENTS.toLocaleString('en-US')} comments in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (including migrations)`,
      );
      measurements.push(...(await measureDatabase(database)));
      await database.drop();
    }
  } finally {
    await stopAllTargets();
    await Promise.all(databases.map((database) => database.drop()));
  }
  console.log('');
  console.log(report(measurements));
  console.log('');
  for (const connections of [1, CONNECTIONS]) {
    const pages = measurements.filter((m) => m.scenario !== 'user profile' && m.connections === connections);
    const worst = Math.max(...pages.map((m) => m.p99));
    console.log(
      `Goal (first page p99 < ${GOAL_P99_MS} ms) at ${connections} connection(s): ${worst < GOAL_P99_MS ? 'MET' : 'MISSED'}, worst p99 ${worst} ms.`,
    );
  }
  const failed = measurements.filter((m) => m.failures > 0);
  if (failed.length) {
    console.error(
      `errors or non-2xx answers on: ${failed.map((m) => `${LABELS[m.kind]} ${m.scenario} ×${m.connections}`).join(', ')}`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `engagement-comments benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    void stopAllTargets().finally(() => process.exit(1));
  },
);
