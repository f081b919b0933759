/**
 * Courses: leaderboard rank lookups (SQL table vs Redis sorted set) with many learners, XP updates per
 * second, offline course generation time, and PDF export pages per second with peak memory.
 *
 * Runs the courses module's parts in this process against a fresh on-disk PGlite database (PostgreSQL
 * next to DATABASE_URL's when set, narrowed with BENCH_DATABASES), and Redis when REDIS_URL is set:
 *   1. BENCH_LEARNERS learners on one board; BENCH_SAMPLES "my rank and neighbours" lookups of random
 *      learners from the table (embedded mode) and from the sorted set (scale mode);
 *   2. BENCH_XP_UPDATES XP awards (event, three board totals, streak) one transaction each;
 *   3. offline generation from 10 synthetic video transcripts and a BENCH_DOC_PAGES-page document
 *      (hashed embeddings, clustering, summaries, questions);
 *   4. a PDF export of a course of BENCH_PDF_MODULES modules (a reading and a quiz each), written to a
 *      counting stream; peak RSS sampled every 20 ms.
 *
 * Environment: BENCH_LEARNERS (1000000), BENCH_SAMPLES (500), BENCH_XP_UPDATES (2000),
 * BENCH_DOC_PAGES (100), BENCH_PDF_MODULES (100), DATABASE_URL, REDIS_URL, BENCH_DATABASES.
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
import { RedisLeaderboardStore, SqlLeaderboardStore } from '../src/modules/courses/leaderboard-store.ts';
import { buildLocalCourse } from '../src/modules/courses/local-course-builder.ts';
import { awardXp } from '../src/modules/courses/xp-ledger.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { ms, timeEach } from './support/latency.ts';
import { envNumber, markdownTable } from './support/options.ts';

const LEARNERS = Math.round(envNumber('BENCH_LEARNERS', 1_000_000));
const SAMPLES = Math.round(envNumber('BENCH_SAMPLES', 500));
const XP_UPDATES = Math.round(envNumber('BENCH_XP_UPDATES', 2000));
const DOC_PAGES = Math.round(envNumber('BENCH_DOC_PAGES', 100));
const PDF_MODULES = Math.round(envNumber('BENCH_PDF_MODULES', 100));
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
  const rows: string[][] = [];
  const ids = (
    await sql<{
      user_id: string;
    }>`select user_id from course_xp_totals tablesample system (1) limit ${SAMPLES}`.execute(db)
  ).rows.map((row) => row.user_id);
  const pick = (index: number) => ids[index % ids.length]!;
  const table = new SqlLeaderboardStore(db);
  const sqlLatency = await timeEach(SAMPLES, (index) => table.around(BOARD, pick(index), 2));
  rows.push([label, `SQL rank + neighbours, ${LEARNERS} learners`, ms(sqlLatency.p50), ms(sqlLatency.p99), '', load()]);
  if (process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL);
    const prefix = `bench-${randomUUID().slice(0, 8)}:`;
    try {
      const store = new RedisLeaderboardStore(redis, prefix);
      const started = performance.now();
      await store.rebuild(db, BOARD);
      rows.push([label, `Redis board load, ${LEARNERS} learners`, ms(performance.now() - started), '', '', load()]);
      const redisLatency = await timeEach(SAMPLES, (index) => store.around(BOARD, pick(index), 2));
      rows.push([
        label,
        `Redis rank + neighbours, ${LEARNERS} learners`,
        ms(redisLatency.p50),
        ms(redisLatency.p99),
        '',
        load(),
      ]);
      const writes = performance.now();
      for (let index = 0; index < XP_UPDATES; index += 1)
        await store.record(BOARD, [{ userId: pick(index), xp: 6000 + index, reachedAt: new Date() }]);
      const perSecond = XP_UPDATES / ((performance.now() - writes) / 1000);
      rows.push([label, 'Redis board updates (ZADD GT), sequential', '', '', perSecond.toFixed(0), load()]);
    } finally {
      await redis.del(`${prefix}courses:board:${BOARD}`);
      redis.disconnect();
    }
  }
  return rows;
}

async function xpRows(label: string, db: Kysely<DB>): Promise<string[][]> {
  const course = await db
    .insertInto('courses')
    .values({ creator_id: (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, title: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = (await db.selectFrom('users').select('id').limit(1000).execute()).map((row) => row.id);
  const started = performance.now();
  for (let index = 0; index < XP_UPDATES; index += 1)
    await db.transaction().execute((trx) =>
      awardXp(trx, {
        userId: users[index % users.length]!,
        courseId: course.id,
        sourceKey: `bench:${index}`,
        xp: 10,
        at: new Date(),
      }),
    );
  const perSecond = XP_UPDATES / ((performance.now() - started) / 1000);
  return [[label, 'XP awards (event + 3 totals + streak), one transaction each', '', '', perSecond.toFixed(0), load()]];
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
    (pages / seconds).toFixed(0),
    load(),
  ];
}

async function measure(kind: DatabaseKind): Promise<string[][]> {
  process.stderr.write(`${kind}: seeding ${LEARNERS} learners…\n`);
  const label = process.env.REDIS_URL ? `${kind} + Redis` : kind;
  let rows: string[][] = [];
  // Everything runs inside the seeding callback, while the benchmark database is open.
  const database = await prepareBenchDatabase(kind, async (db) => {
    await seedBoard(db);
    rows = [
      ...(await leaderboardRows(label, db)),
      ...(await xpRows(label, db)),
      generationRow(label),
      await pdfRow(label, db),
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
  for (const kind of benchDatabaseKinds()) rows.push(...(await measure(kind)));
  console.log(
    markdownTable(['backend', 'operation', 'ms (p50)', 'p99 ms', 'per second', 'load'], rows, [
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
  process.stderr.write(`courses benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
