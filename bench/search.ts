/**
 * Latency of search and autocomplete queries (the module's SQL, in-process, no HTTP) on a generated
 * catalogue, on PGlite and PostgreSQL (when DATABASE_URL is set). Queries run one at a time, so the
 * figures are per-query latency, not throughput.
 *
 * Environment: BENCH_VIDEOS (20000), BENCH_QUERIES (300 per kind of query).
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { channelSuggestions, tagSuggestions, titleSuggestions } from '../src/modules/search/autocomplete-repo.ts';
import { parseSearchQuery } from '../src/modules/search/query-parser.ts';
import { searchVideos } from '../src/modules/search/search-repo.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';

const VIDEOS = Math.round(envNumber('BENCH_VIDEOS', 20_000));
const QUERIES = Math.round(envNumber('BENCH_QUERIES', 300));
const WORDS = ('video streaming transcoding encoder ffmpeg codec bitrate camera lighting guitar piano drums cooking pasta '
  + 'bread garden travel mountain river ocean history physics chemistry biology algebra python rust kubernetes docker '
  + 'linux database postgres search marathon running cycling football chess poker painting drawing animation').split(' ');

const pick = () => WORDS[Math.floor(Math.random() * WORDS.length)]!;

/** Users and videos generated in SQL (the search trigger indexes each row as it is inserted). */
async function seed(db: Kysely<DB>): Promise<void> {
  await sql`insert into users (username, email, password_hash, role)
    select 'channel' || n, 'channel' || n || '@example.com', 'not-a-login', 'creator' from generate_series(1, 200) n`.execute(db);
  await sql`
    with words as (select ${sql.val(WORDS)}::text[] as w),
         creators as (select array_agg(id) as ids from users)
    insert into videos (creator_id, title, description, tags, category, status, visibility, duration_seconds, view_count, uploaded_at)
    select creators.ids[1 + (n % 200)],
           initcap(w[1 + floor(random() * cardinality(w))::int] || ' ' || w[1 + floor(random() * cardinality(w))::int] || ' ' || w[1 + floor(random() * cardinality(w))::int]),
           -- g.i inside the aggregate makes it belong to the subquery (one random word per g), not to the outer insert.
           (select string_agg(w[1 + floor(random() * cardinality(w))::int + 0 * g.i], ' ') from generate_series(1, 30) g(i)),
           array[w[1 + floor(random() * cardinality(w))::int], w[1 + floor(random() * cardinality(w))::int]],
           (array['music', 'gaming', 'education', 'howto', 'travel'])[1 + n % 5],
           'ready', case when n % 10 = 0 then 'private' else 'public' end,
           30 + (n * 37) % 3600, (n * 7919) % 100000, now() - (n % 365) * interval '1 day'
    from generate_series(1, ${VIDEOS}) n, words, creators`.execute(db);
  await sql`analyze`.execute(db);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(run: () => Promise<unknown>): Promise<string[]> {
  for (let n = 0; n < 10; n += 1) await run();
  const times: number[] = [];
  for (let n = 0; n < QUERIES; n += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [percentile(times, 50), percentile(times, 95), percentile(times, 99)].map((ms) => ms.toFixed(2));
}

const typo = (word: string) => word.slice(0, 2) + word[3] + word[2] + word.slice(4);

async function benchKind(kind: 'pglite' | 'postgres'): Promise<string[][]> {
  const seedStart = performance.now();
  const prepared = await prepareBenchDatabase(kind, seed);
  const seedSeconds = ((performance.now() - seedStart) / 1000).toFixed(1);
  const database = await openDatabase(kind === 'pglite' ? { dataDir: prepared.env.DATA_DIR } : { url: prepared.env.DATABASE_URL });
  const db = database.db;
  const search = (q: string, extra: Partial<Parameters<typeof searchVideos>[1]> = {}) =>
    searchVideos(db, { query: parseSearchQuery(q), filters: {}, sort: 'relevance', limit: 20, offset: 0, ...extra });
  const cases: [string, () => Promise<unknown>][] = [
    ['search: two words, last a prefix', () => search(`${pick()} ${pick().slice(0, 4)}`)],
    ['search: one word, sort -views, category', () => search(pick(), { sort: '-views', filters: { category: 'music' } })],
    ['search: phrase and exclusion', () => search(`"${pick()} ${pick()}" -${pick()}`)],
    ['search: typo (trigram fallback)', () => search(typo(pick()))],
    ['autocomplete (3 queries in parallel)', () => {
      const q = pick().slice(0, 3);
      return Promise.all([titleSuggestions(db, q, 10), tagSuggestions(db, q, 10), channelSuggestions(db, q, 10)]);
    }],
  ];
  const rows: string[][] = [];
  try {
    for (const [label, run] of cases) rows.push([kind, label, ...(await measure(run))]);
  } finally {
    await database.close();
    await prepared.drop();
  }
  console.log(`${kind}: seeded ${VIDEOS} videos in ${seedSeconds} s`);
  return rows;
}

const rows: string[][] = [];
for (const kind of benchDatabaseKinds()) rows.push(...await benchKind(kind));
console.log(`\n${VIDEOS} videos, ${QUERIES} queries per row, one at a time\n`);
console.log(markdownTable(['database', 'query', 'p50 ms', 'p95 ms', 'p99 ms'], rows, ['left', 'left', 'right', 'right', 'right']));
