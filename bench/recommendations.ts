/**
 * Recommendations: hit-rate@10 and nDCG@10 on held-out watches, "For you" against trending and popularity.
 *
 * Seeds a catalogue (`streamhub seed` generators) into a fresh database per backend, then lays over it
 * an evaluation world with taste (bench/support/viewing-sessions.ts: viewers
 * with topic interests, follows and sessions) split in time: the last BENCH_HOLDOUT_DAYS are held out
 * and never written. Trending and co-watch pairs are derived from the rest, every video's metadata is
 * embedded with the configured local embedder, and for up to BENCH_EVAL_USERS viewers with held-out
 * watches and at least MIN_HISTORY past ones, each list's first 10 are scored against the held-out set:
 *   - "For you" (RecommendationService.computeForViewer, no cache, no model re-rank),
 *   - trending alone (the week's ranking minus what the viewer watched),
 *   - popularity (most viewed of all time minus what the viewer watched).
 * Tuning was done on BENCH_SEED=1; report another seed. Time per list and load are printed beside them.
 *
 * Environment: BENCH_USERS (1000), BENCH_VIDEOS (2000), BENCH_SEED (1), BENCH_EVAL_USERS (150),
 * BENCH_HOLDOUT_DAYS (3), DATABASE_URL (adds PostgreSQL), BENCH_DATABASES (narrow to pglite or postgres).
 */
import { cpus, loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { DatabaseKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createPlatform } from '../src/platform/platform.ts';
import { createObjectStorage } from '../src/platform/storage/create-storage.ts';
import { createServices, type Services } from '../src/modules/services.ts';
import { deriveDiscovery } from '../src/modules/seed/derive-discovery.ts';
import { resolveSeedOptions } from '../src/modules/seed/options.ts';
import { ensureSampleMedia } from '../src/modules/seed/sample-media.ts';
import { seedCatalogue } from '../src/modules/seed/seed.ts';
import { videoDocument } from '../src/modules/intelligence/video-document.ts';
import { seedViewingSessions } from './support/viewing-sessions.ts';
import { addList, emptyScore, type MethodScore } from '../src/modules/recommendations/evaluation/metrics.ts';
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';

const OPTIONS = resolveSeedOptions({
  users: Math.round(envNumber('BENCH_USERS', 1000)),
  videos: Math.round(envNumber('BENCH_VIDEOS', 2000)),
  seed: Math.round(envNumber('BENCH_SEED', 1)),
});
const EVAL_USERS = Math.round(envNumber('BENCH_EVAL_USERS', 150));
const HOLDOUT_DAYS = envNumber('BENCH_HOLDOUT_DAYS', 3);
const MIN_HISTORY = 3;
const TOP = 10;
const EMBED_BATCH = 200;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Every public video's metadata embedded by the configured embedder, as the analysis job stores it. */
async function embedCatalogue(db: Kysely<DB>, services: Services): Promise<string> {
  const videos = await db.selectFrom('videos').select(['id', 'title', 'description', 'tags']).execute();
  let model = '';
  for (let start = 0; start < videos.length; start += EMBED_BATCH) {
    const batch = videos.slice(start, start + EMBED_BATCH);
    const embedded = await services.ai.embed(
      batch.map((video) => videoDocument(video, undefined)),
      {},
    );
    model = embedded.model.name;
    log(`embedded ${start + batch.length}/${videos.length} with ${model} (load ${load()})`);
    await db
      .insertInto('video_embeddings')
      .values(
        batch.map((video, index) => ({
          video_id: video.id,
          model,
          content_hash: video.id,
          embedding: embedded.value[index]!,
        })),
      )
      .execute();
  }
  return model;
}

interface Measured {
  kind: DatabaseKind;
  scores: Record<'forYou' | 'trending' | 'popularity', MethodScore>;
  hitSources: Map<string, number>;
  msPerList: number;
  embedder: string;
  world: string;
  load: string;
}

async function measure(kind: DatabaseKind): Promise<Measured> {
  log(`${kind}: seeding ${OPTIONS.users} users / ${OPTIONS.videos} videos (load ${load()})`);
  const prepared = await prepareBenchDatabase(kind, async (_db, { database, dataDir }) => {
    const storage = await createObjectStorage({ dataDir });
    await ensureSampleMedia(storage);
    await seedCatalogue({ database, storage }, OPTIONS);
  });
  const config = loadConfig({
    ...prepared.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    RECOMMENDATIONS_CACHE_SECONDS: '0',
    RECOMMENDATIONS_MODEL_RERANK: 'false',
  });
  const platform = await createPlatform(config, { logger: createLogger('error') });
  try {
    const db = platform.database.db;
    const services = createServices(platform);
    const world = await seedViewingSessions(db, {
      seed: OPTIONS.seed,
      days: 28,
      holdoutDays: HOLDOUT_DAYS,
      now: new Date(),
    });
    log(
      `${kind}: ${world.trainingWatches} past watches, ${world.heldOutWatches} held out; deriving trending and co-watch (load ${load()})`,
    );
    const derived = await deriveDiscovery(db, services);
    log(`${kind}: embedding the catalogue (load ${load()})`);
    const embedder = await embedCatalogue(db, services);

    const history = new Map<string, Set<string>>();
    for (const row of await db.selectFrom('watch_history').select(['user_id', 'video_id']).execute())
      history.set(row.user_id, (history.get(row.user_id) ?? new Set()).add(row.video_id));
    const viewers = [...world.heldOut.keys()]
      .filter((userId) => (history.get(userId)?.size ?? 0) >= MIN_HISTORY)
      .sort()
      .slice(0, EVAL_USERS);
    const trending = (await services.trending.list('week', undefined, 0, 1000)).map((video) => video.id);
    const popular = (
      await db
        .selectFrom('videos')
        .select('id')
        .where('visibility', '=', 'public')
        .orderBy('view_count', 'desc')
        .limit(1000)
        .execute()
    ).map((row) => row.id);
    const scores = { forYou: emptyScore(), trending: emptyScore(), popularity: emptyScore() };
    const hitSources = new Map<string, number>();
    let listMs = 0;
    for (const [index, userId] of viewers.entries()) {
      const relevant = world.heldOut.get(userId)!;
      const watched = history.get(userId)!;
      const started = performance.now();
      const list = (await services.recommendations.computeForViewer(userId)).slice(0, TOP);
      listMs += performance.now() - started;
      addList(
        scores.forYou,
        list.map((entry) => entry.v),
        relevant,
        TOP,
      );
      for (const entry of list.filter((item) => relevant.has(item.v)))
        hitSources.set(entry.s, (hitSources.get(entry.s) ?? 0) + 1);
      const unwatched = (ids: string[]) => ids.filter((id) => !watched.has(id)).slice(0, TOP);
      addList(scores.trending, unwatched(trending), relevant, TOP);
      addList(scores.popularity, unwatched(popular), relevant, TOP);
      if ((index + 1) % 25 === 0) log(`${kind}: ${index + 1}/${viewers.length} viewers (load ${load()})`);
    }
    return {
      kind,
      scores,
      hitSources,
      msPerList: listMs / Math.max(1, viewers.length),
      embedder,
      world: `${world.trainingWatches} past / ${world.heldOutWatches} held-out watches, ${derived.cowatchPairs} co-watch pairs`,
      load: load(),
    };
  } finally {
    await platform.close();
    await prepared.drop();
  }
}

const results: Measured[] = [];
for (const kind of benchDatabaseKinds()) results.push(await measure(kind));

const rate = (score: MethodScore) =>
  `${((100 * score.hits) / Math.max(1, score.viewers)).toFixed(1)} % (${score.hits}/${score.viewers})`;
const ndcg = (score: MethodScore) => (score.ndcg / Math.max(1, score.viewers)).toFixed(3);
console.log(
  `\nseed ${OPTIONS.seed}: ${OPTIONS.users} users, ${OPTIONS.videos} videos; held out: the last ${HOLDOUT_DAYS} days of ` +
    `viewing-session watches; ${cpus().length} cores, Node ${process.version}\n`,
);
console.log(
  markdownTable(
    [
      'backend',
      'For you hit@10',
      'For you nDCG@10',
      'trending hit@10',
      'trending nDCG@10',
      'popularity hit@10',
      'popularity nDCG@10',
      'For-you hits by source',
      'ms per list',
      'world',
      'embedder',
      'load (1/5/15 min)',
    ],
    results.map((result) => [
      result.kind,
      rate(result.scores.forYou),
      ndcg(result.scores.forYou),
      rate(result.scores.trending),
      ndcg(result.scores.trending),
      rate(result.scores.popularity),
      ndcg(result.scores.popularity),
      [...result.hitSources].map(([source, hits]) => `${source} ${hits}`).join(', ') || '-',
      result.msPerList.toFixed(0),
      result.world,
      result.embedder,
      result.load,
    ]),
  ),
);
