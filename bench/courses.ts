/**
 * Courses: leaderboard rank lookups (SQL table vs Redis sorted set) with many learners, XP updates per
 * second, offline course generation time, and PDF export pages per second with peak memory.
 *
 * Runs the courses module's parts in this process against a fresh on-disk PGlite database (PostgreSQL
 * next to DATABASE_URL's when set, narrowed with BENCH_DATABASES), and Redis when REDIS_URL is set:
 *   1. BENCH_LEARNERS learners on one board in the table: BENCH_SAMPLES "my rank and neighbours" lookups
 *      of random learners (embedded mode);
 *   1b. with REDIS_URL, BENCH_REDIS_LEARNERS (1,000,000) learners seeded straight into a sorted set with
 *      pipelined ZADDs, then BENCH_SAMPLES lookups (p50/p95/p99) and pipelined ZADD GT updates (scale mode);
 *   2. BENCH_XP_UPDATES XP awards (event, three board totals, streak, leaderboard mirror) through the
 *      XP ledger's group commit with BENCH_XP_CONCURRENCY awards in flight (concurrent requests), and
 *      BENCH_XP_SINGLE awards one transaction each for comparison;
 *   3. offline generation from 10 synthetic video transcripts and a BENCH_DOC_PAGES-page document
 *      (hashed embeddings, clustering, summaries, questions);
 *   4. a PDF export of a course of BENCH_PDF_MODULES modules (a reading and a quiz each), written to a
 *      counting stream; peak RSS sampled every 20 ms.
 *
 * Environment: BENCH_LEARNERS (100000), BENCH_REDIS_LEARNERS (1000000), BENCH_SAMPLES (500),
 * BENCH_XP_UPDATES (20000), BENCH_XP_CONCURRENCY (500), BENCH_XP_SINGLE (300),
 * BENCH_DOC_PAGES (100; 0 skips), BENCH_PDF_MODULES (100; 0 skips), DATABASE_URL, REDIS_URL, BENCH_DATABASES.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { embedText } from '../src/platform/ai/local/hashed-embedder.ts';
import { insertLesson, insertModule } from '../src/modules/courses/course-editor.ts';
import { countingStream, writeCoursePdf } from '../src/modules/courses/course-pdf.ts';
import type { SourceSection } from '../src/modules/courses/generation-sources.ts';
import {
  leaderboardScore,
  RedisLeaderboardStore,
  SqlLeaderboardStore,
} from '../src/modules/courses/leaderboard-store.ts';
import { buildLocalCourse } from '../src/modules/courses/local-course-builder.ts';
import { XpLedger } from '../src/modules/courses/xp-ledger.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { ms, timeEach } from './support/latency.ts';
import { envNumber, markdownTable } from './support/options.ts';

/** 0 skips that part. */
const countOrZero = (name: string, fallback: number) =>
  process.env[name] === '0' ? 0 : Math.round(envNumber(name, fallback));
const LEARNERS = Math.round(envNumber('BENCH_LEARNERS', 100_000));
const REDIS_LEARNERS = countOrZero('BENCH_REDIS_LEARNERS', 1_000_000);
const SAMPLES = Math.round(envNumber('BENCH_SAMPLES', 500));
const XP_UPDATES = Math.round(envNumber('BENCH_XP_UPDATES', 20_000));
const XP_CONCURRENCY = Math.round(envNumber('BENCH_XP_CONCURRENCY', 500));
const XP_SINGLE = Math.round(envNumber('BENCH_XP_SINGLE', 300));
const DOC_PAGES = countOrZero('BENCH_DOC_PAGES', 100);
const PDF_MODULES = countOrZero('BENCH_PDF_MODULES', 100);
const BOARD = 'bench';

const load = () => loadavg()[0]!.toFixed(2);
const TOPICS = [
  'photosynthesis',
  'migration',
  'erosion',
  'volcano',
  'glacier',
  'orbit',
  'enzyme',
  'circuit',
  'harmony',
  'algebra',
];
const sentence = (topic: string, index: number) =>
  `The ${topic} lesson explains idea number ${index} with ${TOPICS[index % TOPICS.length]} examples and careful observation.`;

/** Learners with distinct users; totals straight into the board table, in one statement. */
async function seedBoard(db: Kysely<DB>): Promise<void> {
  await sql`insert into users (username, email, password_hash)
    select 'learner_' || n, 'learner_' || n || '@example.com', 'unused' from generate_series(1, ${LEARNERS}::int) as n`.execute(
    db,
  );
  await sql`insert into course_xp_totals (board, user_id, xp, reached_at)
    select ${BOARD}, id, (abs(hashtext(id::text)) % 5000), now() - (abs(hashtext(username)) % 1000000) * interval '1 second'
    from users`.execute(db);
}

async function leaderboardRows(label: string, db: Kysely<DB>): Promise<string[][]> {
  const ids = (
    await sql<{
      user_id: string;
    }>`select user_id from course_xp_totals tablesample system (1) limit ${SAMPLES}`.execute(db)
  ).rows.map((row) => row.user_id);
  const pick = (index: number) => ids[index % ids.length]!;
  const table = new SqlLeaderboardStore(db);
  const sqlLatency = await timeEach(SAMPLES, (index) => table.around(BOARD, pick(index), 2));
  return [
    [
      label,
      `SQL rank + neighbours, ${LEARNERS} learners`,
      ms(sqlLatency.p50),
      ms(sqlLatency.p95),
      ms(sqlLatency.p99),
      '',
      load(),
    ],
  ];
}

/** A board of REDIS_LEARNERS straight in Redis (scale mode reads only the sorted set). */
async function redisBoardRows(redis: Redis): Promise<string[][]> {
  const prefix = `bench-${randomUUID().slice(0, 8)}:`;
  const store = new RedisLeaderboardStore(redis, prefix);
  const key = `${prefix}courses:board:${BOARD}`;
  const member = (index: number) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
  const at = Date.UTC(2026, 0, 1);
  try {
    const seeding = performance.now();
    for (let start = 0; start < REDIS_LEARNERS; start += 100_000) {
      const pipeline = redis.pipeline();
      for (let chunk = start; chunk < Math.min(start + 100_000, REDIS_LEARNERS); chunk += 1000) {
        const args: Array<number | string> = [];
        for (let index = chunk; index < Math.min(chunk + 1000, REDIS_LEARNERS); index += 1)
          args.push(leaderboardScore((index * 7919) % 50_000, new Date(at + (index % 86_400) * 1000)), member(index));
        pipeline.zadd(key, ...args);
      }
      await pipeline.exec();
    }
    const seeded = performance.now() - seeding;
    const pick = (index: number) => member(Math.floor((((index * 2654435761) % 2 ** 32) / 2 ** 32) * REDIS_LEARNERS));
    const lookups = await timeEach(SAMPLES, (index) => store.around(BOARD, pick(index), 2));
    const tops = await timeEach(SAMPLES, () => store.top(BOARD, 10));
    const updates = performance.now();
    for (let start = 0; start < XP_UPDATES; start += 1000)
      await store.record(
        Array.from({ length: Math.min(1000, XP_UPDATES - start) }, (_, offset) => ({
          board: BOARD,
          total: { userId: pick(start + offset), xp: 60_000 + start + offset, reachedAt: new Date() },
        })),
      );
    const perSecond = XP_UPDATES / ((performance.now() - updates) / 1000);
    return [
      [
        'Redis',
        `seed ${REDIS_LEARNERS} learners (pipelined ZADD, 1,000 a command)`,
        ms(seeded),
        '',
        '',
        (REDIS_LEARNERS / (seeded / 1000)).toFixed(0),
        load(),
      ],
      [
        'Redis',
        `rank + neighbours, ${REDIS_LEARNERS} learners`,
        ms(lookups.p50),
        ms(lookups.p95),
        ms(lookups.p99),
        '',
        load(),
      ],
      ['Redis', `top 10, ${REDIS_LEARNERS} learners`, ms(tops.p50), ms(tops.p95), ms(tops.p99), '', load()],
      ['Redis', 'board updates (ZADD GT, pipelined 1,000 a round trip)', '', '', '', perSecond.toFixed(0), load()],
    ];
  } finally {
    await redis.del(key);
  }
}

async function xpRows(label: string, db: Kysely<DB>, redis: Redis | undefined): Promise<string[][]> {
  const course = await db
    .insertInto('courses')
    .values({ creator_id: (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, title: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = (await db.selectFrom('users').select('id').limit(5000).execute()).map((row) => row.id);
  const prefix = `bench-${randomUUID().slice(0, 8)}:`;
  const store = redis ? new RedisLeaderboardStore(redis, prefix) : new SqlLeaderboardStore(db);
  const run = async (ledger: XpLedger, count: number, inFlight: number, tag: string) => {
    let next = 0;
    const started = performance.now();
    // `inFlight` callers, each awaiting its award before the next, as concurrent requests would.
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let index = next++; index < count; index = next++)
          await ledger.award({
            userId: users[index % users.length]!,
            courseId: course.id,
            sourceKey: `${tag}:${index}`,
            xp: 10,
            at: new Date(),
          });
      }),
    );
    return count / ((performance.now() - started) / 1000);
  };
  try {
    const mirror = redis ? ' + Redis mirror' : '';
    const single = await run(new XpLedger(db, store, 1), XP_SINGLE, 1, 'single');
    const batched = await run(new XpLedger(db, store), XP_UPDATES, XP_CONCURRENCY, 'batched');
    return [
      [
        label,
        `XP awards, one transaction each (event + 3 totals + streak${mirror})`,
        '',
        '',
        '',
        single.toFixed(0),
        load(),
      ],
      [
        label,
        `XP awards, group commit, ${XP_CONCURRENCY} in flight (same writes${mirror})`,
        '',
        '',
        '',
        batched.toFixed(0),
        load(),
      ],
    ];
  } finally {
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  }
}

function generationRow(label: string): string[] {
  const sections: SourceSection[] = [];
  for (let video = 0; video < 10; video += 1)
    for (let chapter = 0; chapter < 4; chapter += 1)
      sections.push({
        order: sections.length,
        title: `Video ${video} chapter ${chapter}`,
        kind: 'video',
        videoId: randomUUID(),
        passages: Array.from({ length: 20 }, (_, index) => ({
          id: `v${video}-${chapter}-${index}`,
          text: sentence(TOPICS[(video + chapter) % TOPICS.length]!, index),
          citation: { videoId: randomUUID(), seconds: index * 5 },
        })),
      });
  for (let page = 0; page < DOC_PAGES; page += 1)
    sections.push({
      order: sections.length,
      title: `Page ${page + 1}`,
      kind: 'document',
      documentName: 'book.pdf',
      passages: Array.from({ length: 6 }, (_, index) => ({
        id: `d-${page}-${index}`,
        text: sentence(TOPICS[page % TOPICS.length]!, index),
        citation: { document: 'book.pdf', page: page + 1 },
      })),
    });
  const started = performance.now();
  const vectors = sections.map((section) => embedText(section.passages.map((passage) => passage.text).join(' ')));
  const draft = buildLocalCourse(sections, vectors, { questionsPerModule: 4 });
  const elapsed = performance.now() - started;
  const lessons = draft.modules.reduce((sum, module) => sum + module.lessons.length, 0);
  return [
    label,
    `offline generation: 10 videos + ${DOC_PAGES}-page document -> ${draft.modules.length} modules, ${lessons} lessons`,
    ms(elapsed),
    '',
    '',
    '',
    load(),
  ];
}

async function pdfRow(label: string, db: Kysely<DB>): Promise<string[]> {
  const creator = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  const course = await db
    .insertInto('courses')
    .values({ creator_id: creator, title: 'Long course' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const body = Array.from({ length: 40 }, (_, index) => sentence(TOPICS[index % TOPICS.length]!, index)).join('\n\n');
  for (let index = 0; index < PDF_MODULES; index += 1) {
    const module = await insertModule(db, course.id, `Module ${index + 1}`, 'manual');
    await insertLesson(
      db,
      course.id,
      module.id,
      { kind: 'reading', title: `Reading ${index + 1}`, bodyMarkdown: body },
      'manual',
    );
    await insertLesson(
      db,
      course.id,
      module.id,
      {
        kind: 'quiz',
        title: `Quiz ${index + 1}`,
        questions: [{ kind: 'cloze', prompt: 'The ____ lesson.', answer: 'orbit' }],
      },
      'manual',
    );
  }
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const sink = countingStream();
  sink.resume();
  const started = performance.now();
  const pages = await writeCoursePdf(db, course.id, sink, { answerKey: true });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return [
    label,
    `PDF export: ${pages} pages, ${(sink.bytes / 1024 / 1024).toFixed(1)} MiB, peak RSS +${((peak - baseline) / 1024 / 1024).toFixed(0)} MiB`,
    ms(seconds * 1000),
    '',
    '',
    (pages / seconds).toFixed(0),
    load(),
  ];
}

async function measure(kind: DatabaseKind, redis: Redis | undefined): Promise<string[][]> {
  process.stderr.write(`${kind}: seeding ${LEARNERS} learners…\n`);
  const label = process.env.REDIS_URL ? `${kind} + Redis` : kind;
  let rows: string[][] = [];
  // Everything runs inside the seeding callback, while the benchmark database is open.
  const database = await prepareBenchDatabase(kind, async (db) => {
    await seedBoard(db);
    rows = [
      ...(await leaderboardRows(label, db)),
      ...(await xpRows(label, db, redis)),
      ...(DOC_PAGES > 0 ? [generationRow(label)] : []),
      ...(PDF_MODULES > 0 ? [await pdfRow(label, db)] : []),
    ];
    return null;
  });
  await database.drop();
  return rows;
}

async function main(): Promise<void> {
  const cpuList = cpus();
  console.log('# Courses benchmark: leaderboards, XP, generation, PDF export');
  console.log(
    `machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average ${load()} at start (shared machine)`,
  );
  console.log(`${SAMPLES} sequential samples per latency row; times in ms; load = 1-minute load average after the row`);
  console.log('');
  const rows: string[][] = [];
  const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
  try {
    if (redis && REDIS_LEARNERS > 0) rows.push(...(await redisBoardRows(redis)));
    for (const kind of benchDatabaseKinds()) rows.push(...(await measure(kind, redis)));
  } finally {
    redis?.disconnect();
  }
  console.log(
    markdownTable(['backend', 'operation', 'ms (p50)', 'p95 ms', 'p99 ms', 'per second', 'load'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`courses benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
