import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { hashPassword } from '../../platform/security/passwords.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { indexUnindexedVideos } from '../search/search-index.ts';
import { TAG_SEPARATOR, TableWriter, WriteQueue, type TableSpec, type WriteStats } from './bulk-writer.ts';
import { videoEngagement } from './engagement-generator.ts';
import { buildFollowerGraph, planUsers } from './follower-graph.ts';
import { SEED_PASSWORD, type SeedOptions } from './options.ts';
import { silentProgress, type SeedProgress } from './progress.ts';
import { Random, SeedIds } from './random.ts';
import { ensureSampleMedia, SAMPLE_FOLDER } from './sample-media.ts';
import { planVideos, VISIBILITIES, videoText } from './video-generator.ts';
import { buildWords, TOPIC_NAMES } from './vocabulary.ts';
import { usernames } from './account-names.ts';
import { claimRun, requirePresent, TRUSTED_LOAD, trustedLoadAllowed, type SeedOutcome } from './seed-runs.ts';
import { mergeStats, renditionSpec, videoSpec } from './seed-table-specs.ts';

export interface SeedReport {
  seed: number;
  outcome: SeedOutcome;
  anchorAt: Date;
  tables: WriteStats[];
  /** Rows this run added, over all tables. */
  inserted: number;
  sampleCreated: boolean;
  phases: { name: string; seconds: number }[];
  seconds: number;
}

export { SeedConflictError } from './seed-runs.ts';

export interface SeedDependencies {
  database: Database;
  storage: ObjectStorage;
}

export interface SeedInternals {
  /**
   * 'bulk' (default): the videos' transactions switch the per-row search trigger off and the loaded
   * videos are indexed in one statement afterwards; 'trigger': the trigger indexes row by row (kept to
   * measure the difference, see docs/BENCHMARKS.md).
   */
  searchIndexing?: 'bulk' | 'trigger';
  /** Batches written at once; default 2 on PostgreSQL, 1 on PGlite. */
  writeConcurrency?: number;
  /** 'always' keeps PostgreSQL's per-row foreign-key checks even where the trusted load is allowed. */
  foreignKeyChecks?: 'skip-when-allowed' | 'always';
}

/**
 * Generates and writes a whole catalogue (see docs/OPERATIONS.md "Seeding"): users and channels, a
 * power-law follower graph, videos that all play one shared sample rendition, and likes, comments,
 * watch history and daily view statistics in proportion to each video's popularity, with counters equal
 * to their rows. Every row's id is derived from the seed and every insert is `on conflict do nothing`,
 * so an interrupted run is completed by running it again; a completed one makes the re-run a no-op.
 *
 * Order: users first; then the follower graph and the video chain (videos and renditions, then the
 * search index and the engagement side by side) concurrently, since neither references the other. On
 * PostgreSQL two batches are written at a time (two connections, two cores); PGlite has one session.
 */
export async function seedCatalogue(
  deps: SeedDependencies,
  options: SeedOptions,
  progress: SeedProgress = silentProgress,
  internals: SeedInternals = {},
): Promise<SeedReport> {
  const started = performance.now();
  const { database, storage } = deps;
  const db = database.db;
  const phases: SeedReport['phases'] = [];
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const phaseStart = performance.now();
    const result = await work();
    phases.push({ name, seconds: (performance.now() - phaseStart) / 1000 });
    return result;
  };

  const run = await claimRun(db, options);
  if (run.outcome === 'complete') {
    return {
      seed: options.seed,
      outcome: 'complete',
      anchorAt: run.anchorAt,
      tables: [],
      inserted: 0,
      sampleCreated: false,
      phases,
      seconds: (performance.now() - started) / 1000,
    };
  }
  const anchorMs = run.anchorAt.getTime();
  const ids = new SeedIds(options.seed);
  const writers: TableWriter[] = [];
  const queue = new WriteQueue(internals.writeConcurrency ?? (database.kind === 'postgres' ? 2 : 1));
  const trusted =
    internals.searchIndexing !== 'trigger' && internals.foreignKeyChecks !== 'always' && (await trustedLoadAllowed(db));
  const writer = (spec: TableSpec, onWritten?: (rows: number) => void) => {
    const created = new TableWriter(
      db,
      queue,
      trusted ? { ...spec, beforeInsert: TRUSTED_LOAD } : spec,
      options.batchSize,
      onWritten,
    );
    writers.push(created);
    return created;
  };
  const newRows = (out: TableWriter) => `${out.stats.inserted.toLocaleString('en-US')} new`;

  const sampleStep = progress.phase('sample media', 1, 'sample');
  const { sample, created: sampleCreated } = await timed('sample media', () => ensureSampleMedia(storage));
  sampleStep.done(sampleCreated ? `made with ffmpeg into ${SAMPLE_FOLDER}/` : `reused ${SAMPLE_FOLDER}/`);

  const planStep = progress.phase('plan', options.users + options.videos, 'users and videos');
  const { users, graph, videos, names, bios, words } = await timed('plan', () => {
    const users = planUsers(options.seed, options.users, options.channelShare, anchorMs, TOPIC_NAMES.length);
    const graph = buildFollowerGraph(options.seed, users, anchorMs);
    const videos = planVideos(options, users, graph, anchorMs);
    return { users, graph, videos, ...usernames(options.seed, users), words: buildWords(options.seed) };
  });
  planStep.done();

  await timed('users', async () => {
    const step = progress.phase('users', users.count, 'users');
    const passwordHash = await hashPassword(SEED_PASSWORD);
    const out = writer(
      {
        table: 'users',
        columns: {
          id: 'uuid',
          username: 'text',
          email: 'text',
          role: 'text',
          bio: 'text',
          created_at: 'epochMs',
          updated_at: 'epochMs',
        },
        constants: { password_hash: { kind: 'text', value: passwordHash } },
      },
      (rows) => step.advance(rows),
    );
    for (let i = 0; i < users.count; i += 1) {
      const at = users.createdAt[i]!;
      out.add(
        ids.id('user', i),
        names[i],
        `${names[i]!.toLowerCase()}@example.com`,
        i < users.channelCount ? 'creator' : 'viewer',
        bios[i],
        at,
        at,
      );
      await out.flushIfFull();
    }
    await out.finish();
    await requirePresent(db, ids, 'user', users.count);
    step.done(newRows(out));
  });

  const followerGraph = timed('subscriptions', async () => {
    const total = graph.subscriber.length;
    const step = progress.phase('subscriptions', total, 'subscriptions');
    const stats = writer({
      table: 'channel_stats',
      columns: { user_id: 'uuid', subscriber_count: 'integer', subscription_count: 'integer' },
    });
    for (let i = 0; i < users.count; i += 1) {
      stats.add(ids.id('user', i), graph.followers[i], graph.following[i]);
      await stats.flushIfFull();
    }
    await stats.flush();
    const out = writer(
      { table: 'subscriptions', columns: { subscriber_id: 'uuid', channel_id: 'uuid', created_at: 'epochMs' } },
      (rows) => step.advance(rows),
    );
    for (let n = 0; n < total; n += 1) {
      out.add(ids.id('user', graph.subscriber[n]!), ids.id('user', graph.channel[n]!), graph.createdAt[n]);
      await out.flushIfFull();
    }
    await out.finish();
    step.done(newRows(out));
  });

  const searchOff = (internals.searchIndexing ?? 'bulk') === 'bulk';
  const videoChain = (async () => {
    await timed('videos', async () => {
      const step = progress.phase('videos', videos.count, 'videos');
      const random = new Random(options.seed, 'video-text');
      const out = writer(videoSpec(sample, searchOff), (rows) => step.advance(rows));
      for (let i = 0; i < videos.count; i += 1) {
        const text = videoText(videos.topic[i]!, words, random, names[videos.creator[i]!]!);
        const uploadedAt = videos.uploadedAt[i]!;
        const processedAt = uploadedAt + 60_000 + Math.round(random.next() * 600_000);
        out.add(
          ids.id('video', i),
          ids.id('user', videos.creator[i]!),
          text.title,
          text.description,
          text.tags.join(TAG_SEPARATOR),
          text.category,
          VISIBILITIES[videos.visibility[i]!],
          uploadedAt - 30_000,
          uploadedAt,
          processedAt,
          processedAt,
          videos.durationSeconds[i],
          videos.views[i],
          videos.likes[i],
          videos.comments[i],
        );
        await out.flushIfFull();
      }
      await out.finish();
      await requirePresent(db, ids, 'video', videos.count);
      // Once every video row is committed: their renditions (all the shared sample's).
      const renditions = writer(renditionSpec());
      for (let i = 0; i < videos.count; i += 1) {
        const id = ids.id('video', i);
        for (const rendition of sample.renditions) {
          renditions.add(
            id,
            rendition.name,
            rendition.kind,
            rendition.width,
            rendition.height,
            rendition.bandwidth,
            rendition.codecs,
            rendition.playlistKey,
          );
        }
        await renditions.flushIfFull();
      }
      await renditions.finish();
      step.done(newRows(out));
    });

    // One statement on a connection of its own, beside the engagement batches (PostgreSQL runs both).
    const searchIndex = searchOff
      ? timed('search index', async () => {
          const step = progress.phase('search index', videos.count, 'videos');
          const indexed = await indexUnindexedVideos(db);
          step.done(
            `${indexed.documents.toLocaleString('en-US')} documents, ${indexed.tags.toLocaleString('en-US')} new tags`,
          );
        })
      : Promise.resolve();

    const engagement = timed('engagement', async () => {
      const step = progress.phase('engagement', videos.count, 'videos');
      const random = new Random(options.seed, 'engagement');
      const watch = writer({
        table: 'watch_history',
        columns: {
          user_id: 'uuid',
          video_id: 'uuid',
          position_seconds: 'double',
          watched_seconds: 'double',
          completed: 'boolean',
          last_watched_at: 'epochMs',
        },
      });
      const likes = writer({ table: 'likes', columns: { user_id: 'uuid', video_id: 'uuid', created_at: 'epochMs' } });
      const comments = writer({
        table: 'comments',
        columns: {
          id: 'uuid',
          video_id: 'uuid',
          user_id: 'uuid',
          parent_id: 'uuid',
          reply_to_user_id: 'uuid',
          text: 'text',
          reply_count: 'integer',
          created_at: 'epochMs',
          updated_at: 'epochMs',
        },
      });
      const daily = writer({
        table: 'video_daily_stats',
        columns: { video_id: 'uuid', day: 'epochDay', views: 'bigint', watch_seconds: 'bigint' },
      });
      let commentBase = 0;
      let reported = 0;
      for (let i = 0; i < videos.count; i += 1) {
        const videoId = ids.id('video', i);
        const rows = videoEngagement(videos, i, users, anchorMs, words, random);
        for (const row of rows.watches)
          watch.add(ids.id('user', row.user), videoId, row.positionSeconds, row.watchedSeconds, row.completed, row.at);
        for (const row of rows.likes) likes.add(ids.id('user', row.user), videoId, row.at);
        // All of a video's comments go into one batch, so a reply's parent is inserted by the same statement.
        for (const row of rows.comments) {
          comments.add(
            ids.id('comment', commentBase + row.index),
            videoId,
            ids.id('user', row.user),
            row.parentIndex === null ? null : ids.id('comment', commentBase + row.parentIndex),
            row.replyToUser === null ? null : ids.id('user', row.replyToUser),
            row.text,
            row.replyCount,
            row.at,
            row.at,
          );
        }
        commentBase += rows.comments.length;
        for (const row of rows.daily) daily.add(videoId, row.day, row.views, row.watchSeconds);
        await watch.flushIfFull();
        await likes.flushIfFull();
        await comments.flushIfFull();
        await daily.flushIfFull();
        if (i - reported >= 1000) {
          step.advance(i - reported);
          reported = i;
        }
      }
      for (const out of [watch, likes, comments, daily]) await out.finish();
      step.advance(videos.count - reported);
      step.done();
    });
    const settled = await Promise.allSettled([searchIndex, engagement]);
    for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  })();

  // Both run to the end even when one fails, so no batch is still writing when this returns.
  const outcomes = await Promise.allSettled([followerGraph, videoChain]);
  await queue.drain().catch(() => undefined);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;

  await timed('analyze', async () => {
    const step = progress.phase('analyze', 1, 'pass');
    // PGlite has no autovacuum: without fresh statistics the planner would guess on a large catalogue.
    await sql`analyze users, channel_stats, subscriptions, videos, video_renditions, video_search, search_tags, search_words, likes, watch_history, comments, video_daily_stats`.execute(
      db,
    );
    step.done();
  });

  await db.updateTable('seed_runs').set({ completed_at: new Date() }).where('seed', '=', options.seed).execute();
  const tables = mergeStats(writers.map((w) => w.stats));
  return {
    seed: options.seed,
    outcome: run.outcome,
    anchorAt: run.anchorAt,
    tables,
    inserted: tables.reduce((sum, table) => sum + table.inserted, 0),
    sampleCreated,
    phases,
    seconds: (performance.now() - started) / 1000,
  };
}
