/**
 * Recommendations: hit-rate@10 on held-out watches of a seeded catalogue, "For you" against trending alone.
 *
 * Seeds a catalogue (`streamhub seed` generators) into a fresh database per backend, embeds every
 * video's metadata with the configured local embedder (what the analysis job would store), then for
 * BENCH_HOLDOUT_USERS viewers with at least MIN_HISTORY watches removes their most recent watch (and
 * their like of it) from the history before the co-watch pairs and trending are derived. A viewer is a
 * hit when the held-out video is in the first 10 of:
 *   - "For you" (RecommendationService.computeForViewer, no cache, no model re-rank), and
 *   - trending alone (the week's ranking minus what the viewer watched), the baseline.
 * Also prints which source proposed the hits and the time per list, with the load average beside them.
 *
 * Environment: BENCH_USERS (1500), BENCH_VIDEOS (3000), BENCH_SEED (1), BENCH_HOLDOUT_USERS (150),
 * DATABASE_URL (adds PostgreSQL), BENCH_DATABASES (narrow to pglite or postgres).
 */
import { cpus, loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
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
import { benchDatabaseKinds, prepareBenchDatabase } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';

const OPTIONS = resolveSeedOptions({
  users: Math.round(envNumber('BENCH_USERS', 1500)),
  videos: Math.round(envNumber('BENCH_VIDEOS', 3000)),
  seed: Math.round(envNumber('BENCH_SEED', 1)),
});
const HOLDOUT_USERS = Math.round(envNumber('BENCH_HOLDOUT_USERS', 150));
const MIN_HISTORY = 5;
const TOP = 10;
const EMBED_BATCH = 200;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface HeldOut {
  userId: string;
  videoId: string;
}

/** Removes each chosen viewer's most recent watch (and their like of it): what the lists must find. */
async function holdOut(db: Kysely<DB>): Promise<HeldOut[]> {
  const { rows } = await sql<HeldOut>`
    select distinct on (h.user_id) h.user_id as "userId", h.video_id as "videoId"
    from watch_history h
    where h.user_id in (
      select user_id from watch_history group by user_id having count(*) >= ${MIN_HISTORY}
      order by md5(user_id::text) limit ${HOLDOUT_USERS})
    order by h.user_id, h.last_watched_at desc`.execute(db);
  for (const row of rows) {
    await sql`delete from watch_history where user_id = ${row.userId} and video_id = ${row.videoId}`.execute(db);
    await sql`delete from likes where user_id = ${row.userId} and video_id = ${row.videoId}`.execute(db);
  }
  return rows;
}

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
  viewers: number;
  forYouHits: number;
  trendingHits: number;
  hitSources: Map<string, number>;
  msPerList: number;
  embedder: string;
  cowatchPairs: number;
  load: string;
}

async function measure(kind: DatabaseKind): Promise<Measured> {
  log(`${kind}: seeding ${OPTIONS.users} users / ${OPTIONS.videos} videos (load ${load()})`);
  const prepared = await prepareBenchDatabase(kind, async (_db, { database, dataDir }) => {
    const storage = createObjectStorage({ dataDir });
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
    const heldOut = await holdOut(db);
    log(`${kind}: held out ${heldOut.length} watches; deriving trending, feeds and co-watch pairs (load ${load()})`);
    const derived = await deriveDiscovery(db, services);
    log(`${kind}: embedding the catalogue (load ${load()})`);
    const embedder = await embedCatalogue(db, services);

    let forYouHits = 0;
    let trendingHits = 0;
    const hitSources = new Map<string, number>();
    let listMs = 0;
    const trending = (await services.trending.list('week', undefined, 0, 1000)).map((video) => video.id);
    for (const [index, { userId, videoId }] of heldOut.entries()) {
      const started = performance.now();
      const list = (await services.recommendations.computeForViewer(userId)).slice(0, TOP);
      listMs += performance.now() - started;
      const hit = list.find((entry) => entry.v === videoId);
      if (hit) {
        forYouHits += 1;
        hitSources.set(hit.s, (hitSources.get(hit.s) ?? 0) + 1);
      }
      const watched = new Set(
        (await db.selectFrom('watch_history').select('video_id').where('user_id', '=', userId).execute()).map(
          (row) => row.video_id,
        ),
      );
      if (
        trending
          .filter((id) => !watched.has(id))
          .slice(0, TOP)
          .includes(videoId)
      )
        trendingHits += 1;
      if ((index + 1) % 25 === 0) log(`${kind}: ${index + 1}/${heldOut.length} viewers (load ${load()})`);
    }
    return {
      kind,
      viewers: heldOut.length,
      forYouHits,
      trendingHits,
      hitSources,
      msPerList: listMs / Math.max(1, heldOut.length),
      embedder,
      cowatchPairs: derived.cowatchPairs,
      load: load(),
    };
  } finally {
    await platform.close();
    await prepared.drop();
  }
}

const results: Measured[] = [];
for (const kind of benchDatabaseKinds()) results.push(await measure(kind));

const rate = (hits: number, total: number) => `${((100 * hits) / Math.max(1, total)).toFixed(1)} % (${hits}/${total})`;
console.log(
  `\nseed ${OPTIONS.seed}: ${OPTIONS.users} users, ${OPTIONS.videos} videos; held-out = each viewer's most recent watch; ` +
    `${cpus().length} cores, Node ${process.version}\n`,
);
console.log(
  markdownTable(
    [
      'backend',
      'viewers',
      'For you hit-rate@10',
      'trending-only hit-rate@10',
      'hits by source',
      'ms per list',
      'co-watch pairs',
      'embedder',
      'load (1/5/15 min)',
    ],
    results.map((result) => [
      result.kind,
      String(result.viewers),
      rate(result.forYouHits, result.viewers),
      rate(result.trendingHits, result.viewers),
      [...result.hitSources].map(([source, hits]) => `${source} ${hits}`).join(', ') || '-',
      result.msPerList.toFixed(0),
      String(result.cowatchPairs),
      result.embedder,
      result.load,
    ]),
    ['left', 'right', 'right', 'right', 'left', 'right', 'right', 'left', 'left'],
  ),
);
