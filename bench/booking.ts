/**
 * Live class booking: BENCH_ATTEMPTS learners booking a BENCH_SEATS-seat class at the same moment.
 *
 * Per backend (on-disk PGlite with one API process; PostgreSQL next to DATABASE_URL's with
 * BENCH_PROCESSES API processes, default 2, sharing the database), the full app runs as separate
 * processes (bench/support/serve-target.ts real) and this process fires every attempt at once over
 * HTTP, spread over the processes, each with its own user and Idempotency-Key:
 *   1. book: POST /classes/:id/bookings (a held seat or a waitlist place); bookings/s and latency;
 *   2. replay: the first 200 requests again with the same keys: each must answer its first booking;
 *   3. confirm: every held seat confirmed at once (POST /bookings/:id/confirm);
 * then, with the targets stopped, the database is checked: seats occupied <= capacity (oversold = 0),
 * each seat once, every "held" answer still holding its seat (no lost holds), one row per learner.
 *
 * Environment: BENCH_ATTEMPTS (1000), BENCH_SEATS (100), BENCH_PROCESSES (2, PostgreSQL only),
 * DATABASE_URL, BENCH_DATABASES (pglite,postgres), BENCH_BASE_PORT (the API processes listen on it and
 * the ports after it; default free ports).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { AccessTokenSigner } from '../src/platform/security/jwt.ts';
import { benchDatabaseKinds, prepareBenchDatabase, type BenchDatabase } from './support/databases.ts';
import { ms, percentiles } from './support/latency.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { appTargetEnv } from './support/app-target-env.ts';
import { startTarget, stopAllTargets, targetPort, type TargetProcess } from './support/target-process.ts';

const ATTEMPTS = Math.round(envNumber('BENCH_ATTEMPTS', 1000));
const SEATS = Math.round(envNumber('BENCH_SEATS', 100));
const PROCESSES = Math.round(envNumber('BENCH_PROCESSES', 2));
const REPLAYS = Math.min(200, ATTEMPTS);
const load = () => loadavg()[0]!.toFixed(2);

interface Seeded {
  classId: string;
  userIds: string[];
}

/** Learners, a creator with a scheduled stream a week ahead, and a class on it with its seat rows. */
async function seed(db: Kysely<DB>): Promise<Seeded> {
  const tag = randomBytes(3).toString('hex');
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: ATTEMPTS + 1 }, (_, n) => ({
        username: `book_${tag}_${n}`,
        email: `book_${tag}_${n}@example.com`,
        password_hash: 'not-a-login',
        role: n === 0 ? ('creator' as const) : ('viewer' as const),
      })),
    )
    .returning('id')
    .execute();
  const [creator, ...learners] = users.map((row) => row.id);
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const stream = await db
    .insertInto('live_streams')
    .values({ channel_id: creator!, title: 'Bench class', scheduled_at: startsAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cls = await db
    .insertInto('live_classes')
    .values({ creator_id: creator!, stream_id: stream.id, title: 'Bench class', starts_at: startsAt, capacity: SEATS })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into live_class_seats (class_id, seat_no) select ${cls.id}::uuid, n from generate_series(1, ${SEATS}::int) n`.execute(
    db,
  );
  return { classId: cls.id, userIds: learners };
}

function targetEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Waiting for the class lock is the point of the test: do not log every wait as a slow query.
  return appTargetEnv({ DATABASE_SLOW_QUERY_MS: '600000', ...extra });
}

interface Answer {
  status: number;
  ms: number;
  body: { data?: { id: string; status: string }; error?: { code: string } };
}

async function post(url: string, token: string, body: object, key?: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as Answer['body'];
  return { status: response.status, ms: performance.now() - started, body: parsed };
}

/** Fires every call at once and answers them with the wall time. */
async function burst<T>(calls: Array<() => Promise<T>>): Promise<{ answers: T[]; seconds: number }> {
  const started = performance.now();
  const answers = await Promise.all(calls.map((call) => call()));
  return { answers, seconds: (performance.now() - started) / 1000 };
}

async function run(kind: DatabaseKind): Promise<string[][]> {
  const database: BenchDatabase<Seeded> = await prepareBenchDatabase(kind, seed);
  const processes = kind === 'postgres' ? PROCESSES : 1;
  const secret = randomBytes(32).toString('hex');
  const rows: string[][] = [];
  try {
    const env = targetEnv({ ...database.env, JWT_SECRET: secret });
    const targets: TargetProcess[] = [];
    for (let n = 0; n < processes; n += 1)
      targets.push(await startTarget('real', { env: { ...env, ...targetPort(n) } }));
    const signer = new AccessTokenSigner(secret, 3600);
    const { classId, userIds } = database.seeded;
    const tokens = await Promise.all(
      userIds.map(async (userId) => (await signer.sign({ userId, role: 'viewer' })).token),
    );
    const bookUrl = (n: number) => `${targets[n % targets.length]!.baseUrl}/api/v1/classes/${classId}/bookings`;
    const keys = userIds.map((_, n) => `bench-${n}`);

    const loadBefore = load();
    const book = await burst(userIds.map((_, n) => () => post(bookUrl(n), tokens[n]!, {}, keys[n])));
    const loadAfter = load();
    const held = book.answers.filter((answer) => answer.body.data?.status === 'held');
    const waitlisted = book.answers.filter((answer) => answer.body.data?.status === 'waitlisted');
    const failed = book.answers.filter((answer) => answer.status !== 201);
    const latency = percentiles(book.answers.map((answer) => answer.ms));

    const replay = await burst(
      userIds.slice(0, REPLAYS).map((_, n) => () => post(bookUrl(n + 1), tokens[n]!, {}, keys[n])),
    );
    const replayMismatches = replay.answers.filter(
      (answer, n) => answer.body.data?.id !== book.answers[n]!.body.data?.id,
    ).length;

    const heldBy = book.answers
      .map((answer, n) => ({ answer, n }))
      .filter(({ answer }) => answer.body.data?.status === 'held');
    const confirm = await burst(
      heldBy.map(
        ({ answer, n }) =>
          () =>
            post(
              `${targets[n % targets.length]!.baseUrl}/api/v1/bookings/${answer.body.data!.id}/confirm`,
              tokens[n]!,
              {},
            ),
      ),
    );
    const confirmLatency = percentiles(confirm.answers.map((answer) => answer.ms));
    await Promise.all(targets.map((target) => target.stop()));

    const opened = await openDatabase(
      database.env.DATABASE_URL ? { url: database.env.DATABASE_URL } : { dataDir: database.env.DATA_DIR! },
    );
    try {
      const stored = await opened.db
        .selectFrom('live_class_bookings')
        .select(['id', 'status', 'seat_no', 'user_id'])
        .where('class_id', '=', classId)
        .execute();
      const seated = stored.filter((row) => row.seat_no !== null);
      const oversold =
        Math.max(0, seated.length - SEATS) + (seated.length - new Set(seated.map((row) => row.seat_no)).size);
      const heldIds = new Set(held.map((answer) => answer.body.data!.id));
      const lostHolds = [...heldIds].filter((id) => !seated.some((row) => row.id === id)).length;
      const confirmed = stored.filter((row) => row.status === 'confirmed').length;
      const learners = new Set(stored.map((row) => row.user_id)).size;
      rows.push([
        kind === 'pglite' ? 'PGlite, 1 API process' : `PostgreSQL, ${processes} API processes`,
        String(ATTEMPTS),
        String(SEATS),
        (ATTEMPTS / book.seconds).toFixed(0),
        ms(latency.p50),
        ms(latency.p95),
        ms(latency.p99),
        `${held.length}/${waitlisted.length}/${failed.length}`,
        `${confirmed} (p95 ${ms(confirmLatency.p95)} ms)`,
        String(oversold),
        String(lostHolds),
        `${replayMismatches}/${REPLAYS}`,
        `${stored.length === learners ? 'yes' : 'NO'}`,
        `${loadBefore} → ${loadAfter}`,
      ]);
    } finally {
      await opened.close();
    }
  } finally {
    await stopAllTargets();
    await database.drop();
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`# booking benchmark: ${ATTEMPTS} concurrent attempts for ${SEATS} seats (${cpus().length} cores)\n`);
  const rows: string[][] = [];
  for (const kind of benchDatabaseKinds()) rows.push(...(await run(kind)));
  console.log(
    markdownTable(
      [
        'backend',
        'attempts',
        'seats',
        'bookings/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'held/waitlisted/refused',
        'confirmed',
        'oversold',
        'lost holds',
        'replay mismatches',
        'one row per learner',
        'load (1 min) before → after',
      ],
      rows,
      [
        'left',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'left',
      ],
    ),
  );
}

process.on('SIGINT', () => void stopAllTargets().finally(() => process.exit(130)));
await main();
