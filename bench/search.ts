/**
 * Search and autocomplete latency on the seeded catalogue (`streamhub seed`, default 50,000 users / 200,000
 * videos), through the endpoints in-process, on PGlite and PostgreSQL (when DATABASE_URL is set).
 *
 * Requests go through the whole app with `app.inject` (routing, validation, the search module's SQL,
 * presentation and the query log; no sockets), one at a time, so the figures are per-request latency.
 * The query mix is what viewers type: topic words, two words, a last word still being typed, typos,
 * filters, sorts, phrases and exclusions; autocomplete gets 1–6 typed characters of real words, titles
 * and channel names.
 *
 * Environment: BENCH_USERS (50000) and BENCH_VIDEOS (200000) for the catalogue seeded first; or
 * SEARCH_BENCH_DATA_DIR (and SEARCH_BENCH_DATABASE_URL for PostgreSQL) to use one seeded already
 * (`BENCH_KEEP=1 npm run bench -- seed` prints them). BENCH_QUERIES (400 per row), BENCH_SEED (1),
 * BENCH_JSON=<file> (also write the ratios as JSON, for the smoke guard), BENCH_SEARCH_MODE (keyword; or
 * hybrid: the same mix with `mode=hybrid`, after every video is given a 512-dimension vector under the
 * sentence encoder's model, so the vector index holds the whole catalogue; the vectors are synthetic
 * (clustered, bench/support/vector-data.ts) since encoding 200,000 videos takes hours, while each query
 * is encoded by the real model: latency is measured, not relevance, which docs/AI.md measures).
 *
 * Anchor: after every search or autocomplete request, one `GET /api/v1/users/:id` of a random creator
 * through the same app (a primary-key read); the ratio of the anchor's p50 to search's p50, both taken
 * interleaved in the same run, stays put when the machine is loaded and drops when search gets slower.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/modules/services.ts';
import { loadConfig } from '../src/config.ts';
import { resolveSeedOptions } from '../src/modules/seed/options.ts';
import { Random } from '../src/modules/seed/random.ts';
import { seedCatalogue } from '../src/modules/seed/seed.ts';
import { buildWords, TOPICS, WORD_LISTS } from '../src/modules/seed/vocabulary.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import { createPlatform } from '../src/platform/platform.ts';
import { createObjectStorage } from '../src/platform/storage/create-storage.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { giveEveryVideoAVector } from './support/catalogue-vectors.ts';

const QUERIES = Math.round(envNumber('BENCH_QUERIES', 400));
const MODE = process.env.BENCH_SEARCH_MODE === 'hybrid' ? 'hybrid' : 'keyword';
const options = resolveSeedOptions({
  users: Math.round(envNumber('BENCH_USERS', 50_000)),
  videos: Math.round(envNumber('BENCH_VIDEOS', 200_000)),
  seed: Math.round(envNumber('BENCH_SEED', 1)),
});
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

// ---- the query mix, from the seed's own vocabulary ----------------------------------------------------
const random = new Random(options.seed, 'search-bench');
const words = buildWords(options.seed);
const topicWords = [
  ...new Set(Object.values(TOPICS).flatMap((topic) => topic.tags.filter((tag) => !tag.includes(' ')))),
];
const nameWords = [
  ...WORD_LISTS.language,
  ...WORD_LISTS.instrument,
  ...WORD_LISTS.game.slice(0, 10),
  ...WORD_LISTS.workout,
  ...words.city.slice(0, 30),
  ...words.country.slice(0, 30),
]
  .filter((word) => /^[A-Za-z]+$/.test(word))
  .map((word) => word.toLowerCase());
const pairs = [
  'python tutorial',
  'pasta recipe',
  'guitar lesson',
  'travel guide',
  'full body workout',
  'black holes',
  'minecraft speedrun',
  'rust tutorial',
  'street food',
  'piano cover',
  'home workout',
  'budget travel',
  'boss fight',
  'easy recipe',
  'chicken recipe',
  'react tutorial',
  'jazz guitar',
  'yoga beginners',
  'elden ring',
  'quantum physics',
  'japan travel',
  'meal prep',
  'music production',
];
const oneWord = () => (random.chance(0.6) ? random.pick(topicWords) : random.pick(nameWords));
const typo = (word: string) => {
  if (word.length < 5) return `${word}${word.at(-1)}`;
  const at = random.int(1, word.length - 3);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
};
const categories = ['howto', 'technology', 'travel', 'music', 'sports', 'gaming', 'science', 'education'];
const q = (text: string, extra = '') =>
  `q=${encodeURIComponent(text)}${extra}${MODE === 'hybrid' ? '&mode=hybrid' : ''}`;

const SEARCH_MIX: [label: string, weight: number, make: () => string][] = [
  ['one topic word', 25, () => q(oneWord())],
  ['two words', 20, () => q(random.pick(pairs))],
  [
    'last word being typed (prefix)',
    15,
    () => {
      const [first, second] = random.pick(pairs).split(' ');
      return q(
        random.chance(0.5)
          ? `${first} ${second!.slice(0, Math.max(2, second!.length - 3))}`
          : first!.slice(0, Math.max(3, first!.length - 2)),
      );
    },
  ],
  ['typo (trigram fallback)', 10, () => q(typo(random.chance(0.5) ? random.pick(topicWords) : random.pick(nameWords)))],
  [
    'filters: category, duration, uploaded, tags',
    15,
    () => {
      // Mostly filters that go with the words (a cooking word with the cooking category or a cooking
      // tag), sometimes unrelated ones that find little or nothing.
      const topic = random.pick(Object.values(TOPICS));
      const related = random.chance(0.8);
      const word = related ? random.pick(topic.tags.filter((tag) => !tag.includes(' '))) : oneWord();
      const filters = [
        `&category=${related ? topic.category : random.pick(categories)}`,
        `&duration=${random.pick(['short', 'medium', 'long'])}`,
        `&uploaded=${random.pick(['day', 'week', 'month', 'year'])}`,
        `&tags=${encodeURIComponent(related ? random.pick(topic.tags) : random.pick(topicWords))}`,
      ];
      return q(word, random.shuffle(filters).slice(0, random.int(1, 2)).join(''));
    },
  ],
  [
    'sort -views / -uploaded_at, page 1–3',
    10,
    () => q(oneWord(), `&sort=${random.pick(['-views', '-uploaded_at'])}&page=${random.int(1, 3)}`),
  ],
  [
    'phrase, exclusion',
    5,
    () => q(random.chance(0.5) ? `"${random.pick(pairs)}"` : `${random.pick(topicWords)} -${random.pick(topicWords)}`),
  ],
];

function autocompleteQuery(channelNames: string[], titles: string[]): string {
  const source = random.next();
  const text =
    source < 0.4
      ? random.pick(topicWords)
      : source < 0.6
        ? random.pick(nameWords)
        : source < 0.8
          ? random.pick(titles)
          : random.pick(channelNames);
  return `q=${encodeURIComponent(text.toLowerCase().slice(0, random.int(1, 6)).trimEnd() || text[0]!)}`;
}

// ---- measuring ----------------------------------------------------------------------------------------
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const figures = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1));
};

interface Target {
  kind: DatabaseKind;
  env: Record<string, string>;
  drop(): Promise<void>;
  seededSeconds?: number;
}

async function targets(): Promise<Target[]> {
  const dataDir = process.env.SEARCH_BENCH_DATA_DIR;
  if (dataDir) {
    const url = process.env.SEARCH_BENCH_DATABASE_URL;
    return [
      {
        kind: url ? 'postgres' : 'pglite',
        env: { DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) },
        drop: async () => undefined,
      },
    ];
  }
  const list: Target[] = [];
  for (const kind of benchDatabaseKinds()) {
    process.stderr.write(`  ${kind}: seeding ${options.users} users / ${options.videos} videos …\n`);
    const prepared = await prepareBenchDatabase(
      kind,
      async (_db, { database, dataDir: dir }) =>
        (await seedCatalogue({ database, storage: await createObjectStorage({ dataDir: dir }) }, options)).seconds,
    );
    list.push({ kind, env: prepared.env, drop: prepared.drop, seededSeconds: prepared.seeded });
  }
  return list;
}

async function benchTarget(target: Target): Promise<string[][]> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '100000000',
    JWT_SECRET: 'search-benchmark-secret-of-at-least-32-chars',
    ...target.env,
  });
  const platform = await createPlatform(config);
  const app = await buildApp(platform, createServices(platform));
  await app.ready();
  const rows: string[][] = [];
  try {
    const db = platform.database.db;
    if (MODE === 'hybrid') {
      const { vectors, seconds } = await giveEveryVideoAVector(db);
      console.error(
        `  ${target.kind}: ${vectors.toLocaleString('en-US')} video vectors written in ${seconds.toFixed(0)} s`,
      );
    }
    const creators = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('role', '=', 'creator')
      .limit(2000)
      .execute();
    const channelNames = creators.map((row) => row.username);
    const titles = (
      await db.selectFrom('videos').select('title').where('visibility', '=', 'public').limit(2000).execute()
    ).map((row) => row.title);
    const { count } = await db
      .selectFrom('videos')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const get = async (url: string) => {
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return elapsed;
    };
    // Which measured searches repeat the words of an earlier one (a page of it, or the same words): in
    // hybrid mode those reuse the query's vector (semantic-search.ts), so the share is printed.
    const searchedWords = new Set<string>();
    let repeatedWords = 0;
    const noteWords = (url: string, measuring: boolean) => {
      const words = new URL(url, 'http://bench').searchParams.get('q') ?? '';
      if (measuring && searchedWords.has(words)) repeatedWords += 1;
      searchedWords.add(words);
    };
    // Warm-up: every kind of query a few times, so caches and plans are as in a running server (and, in
    // hybrid mode, the encoder is loaded and the vector index built or loaded).
    for (const [, , make] of SEARCH_MIX)
      for (let n = 0; n < 10; n += 1) {
        const url = `/api/v1/search?${make()}`;
        noteWords(url, false);
        await get(url);
      }
    for (let n = 0; n < 30; n += 1) await get(`/api/v1/search/autocomplete?${autocompleteQuery(channelNames, titles)}`);

    const anchor: number[] = [];
    const anchorRead = async () => {
      const creator = creators[Math.floor(random.next() * creators.length)]!;
      anchor.push(await get(`/api/v1/users/${creator.id}`));
    };
    const loadBefore = load();
    const byLabel = new Map<string, number[]>(SEARCH_MIX.map(([label]) => [label, []]));
    const all: number[] = [];
    const totalWeight = SEARCH_MIX.reduce((sum, [, weight]) => sum + weight, 0);
    for (let n = 0; n < QUERIES * SEARCH_MIX.length; n += 1) {
      let pick = random.next() * totalWeight;
      const [label, , make] = SEARCH_MIX.find(([, weight]) => (pick -= weight) < 0) ?? SEARCH_MIX[0]!;
      const url = `/api/v1/search?${make()}`;
      noteWords(url, true);
      const elapsed = await get(url);
      if (process.env.BENCH_SHOW_SLOW && elapsed > Number(process.env.BENCH_SHOW_SLOW))
        console.error(`  slow: ${elapsed.toFixed(0)} ms ${decodeURIComponent(url)}`);
      byLabel.get(label)!.push(elapsed);
      all.push(elapsed);
      await anchorRead();
    }
    const autocomplete: number[] = [];
    for (let n = 0; n < QUERIES * 2; n += 1) {
      const url = `/api/v1/search/autocomplete?${autocompleteQuery(channelNames, titles)}`;
      const elapsed = await get(url);
      if (process.env.BENCH_SHOW_SLOW && elapsed > Number(process.env.BENCH_SHOW_SLOW))
        console.error(`  slow: ${elapsed.toFixed(0)} ms ${decodeURIComponent(url)}`);
      autocomplete.push(elapsed);
      await anchorRead();
    }
    const name = target.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    rows.push([
      name,
      `**search${MODE === 'hybrid' ? ' (hybrid)' : ''}: the whole mix**`,
      String(all.length),
      ...figures(all),
    ]);
    for (const [label, times] of byLabel)
      rows.push([name, `search: ${label}`, String(times.length), ...figures(times)]);
    rows.push([name, '**autocomplete**', String(autocomplete.length), ...figures(autocomplete)]);
    rows.push([name, 'anchor: GET /api/v1/users/:id, interleaved', String(anchor.length), ...figures(anchor)]);
    const p50 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
    ratios[`${target.kind} search/anchor`] = p50(anchor) / p50(all);
    ratios[`${target.kind} autocomplete/anchor`] = p50(anchor) / p50(autocomplete);
    console.error(
      `  ${target.kind}: ${repeatedWords} of ${all.length} measured searches repeated an earlier search's words`,
    );
    console.error(
      `  ${target.kind}: ${Number(count).toLocaleString('en-US')} videos${target.seededSeconds ? ` (seeded in ${target.seededSeconds.toFixed(0)} s)` : ''}; load ${loadBefore} before, ${load()} after`,
    );
  } finally {
    await app.close();
    await platform.close();
    await target.drop();
  }
  return rows;
}

/** Anchor p50 / request p50 per backend (higher is faster), for the smoke guard. */
const ratios: Record<string, number> = {};
const rows: string[][] = [];
for (const target of await targets()) rows.push(...(await benchTarget(target)));
if (process.env.BENCH_JSON)
  writeFileSync(process.env.BENCH_JSON, JSON.stringify({ bench: 'search', ratios, load: loadavg() }, null, 2));
console.log(
  `\n${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; requests one at a time through app.inject\n`,
);
console.log(
  markdownTable(['database', 'request', 'n', 'p50 ms', 'p95 ms', 'p99 ms'], rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
  ]),
);
