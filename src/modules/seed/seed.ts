import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { hashPassword } from '../../platform/security/passwords.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { indexUnindexedVideos } from '../search/search-index.ts';
import { TAG_SEPARATOR, TableWriter, WriteQueue, type TableSpec, type WriteStats } from './bulk-writer.ts';
import { videoEngagement } from './engagement-generator.ts';
import { buildFollowerGraph, planUsers, type UserPlan } from './follower-graph.ts';
import { catalogueDefinition, SEED_PASSWORD, type SeedOptions } from './options.ts';
import { silentProgress, type SeedProgress } from './progress.ts';
import { Random, SeedIds } from './random.ts';
import { ensureSampleMedia, SAMPLE_FOLDER, type SampleMedia } from './sample-media.ts';
import { planVideos, VISIBILITIES, videoText } from './video-generator.ts';
import { buildWords, peopleFaker, TOPIC_NAMES, TOPICS } from './vocabulary.ts';

export interface SeedReport {
  seed: number;
  /** created: a new catalogue; resumed: an unfinished run was completed; complete: nothing to do. */
  outcome: 'created' | 'resumed' | 'complete';
  anchorAt: Date;
  tables: WriteStats[];
  /** Rows this run added, over all tables. */
  inserted: number;
  sampleCreated: boolean;
  phases: { name: string; seconds: number }[];
  seconds: number;
}

/** The database already holds a catalogue made with other options. */
export class SeedConflictError extends Error {}

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

const definitionJson = (options: SeedOptions) => JSON.stringify(catalogueDefinition(options));

interface RunRecord { anchorAt: Date; outcome: SeedReport['outcome'] }

/** Starts or resumes this catalogue's run record; refuses a database seeded with other options. */
async function claimRun(db: Kysely<DB>, options: SeedOptions): Promise<RunRecord> {
  const existing = await db.selectFrom('seed_runs').selectAll().execute();
  const wanted = catalogueDefinition(options);
  for (const run of existing) {
    const stored = (typeof run.options === 'string' ? JSON.parse(run.options) : run.options) as Record<string, unknown>;
    const same = run.seed === options.seed && Object.entries(wanted).every(([key, value]) => stored[key] === value);
    if (!same) {
      const described = Object.entries(stored).map(([key, value]) => `${key}=${String(value)}`).join(' ');
      throw new SeedConflictError(`This database already holds a seeded catalogue made with other options (${described}). `
        + 'Re-run with the same options to complete it, or seed a fresh database.');
    }
    return { anchorAt: run.anchor_at, outcome: run.completed_at ? 'complete' : 'resumed' };
  }
  const anchorAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  await db.insertInto('seed_runs').values({ seed: options.seed, options: definitionJson(options), anchor_at: anchorAt })
    .onConflict((conflict) => conflict.doNothing()).execute();
  return { anchorAt, outcome: 'created' };
}

/**
 * The trusted bulk load (what pg_restore --disable-triggers does): each batch's transaction sets
 * session_replication_role = replica, so PostgreSQL skips the per-row foreign-key checks (each one
 * also locks the referenced row) and the triggers. Safe here because every referenced row is written by
 * this run first and its presence is counted before anything references it (users, then videos;
 * a reply's parent is in the reply's own statement). The only trigger on these tables is the search
 * trigger, whose work is done in bulk after the videos (indexUnindexedVideos). It needs a superuser
 * (PGlite's user is one); without the right the load runs checked, just slower.
 */
const TRUSTED_LOAD = sql`select set_config('session_replication_role', 'replica', true)`;

async function trustedLoadAllowed(db: Kysely<DB>): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => { await TRUSTED_LOAD.execute(trx); });
    return true;
  } catch {
    return false;
  }
}

/** Fails the run unless every id of the kind under this seed is in the table. */
async function requirePresent(db: Kysely<DB>, ids: SeedIds, kind: 'user' | 'video', expected: number): Promise<void> {
  const [low, high] = ids.range(kind);
  const table = kind === 'user' ? 'users' : 'videos';
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where id between ${low} and ${high}`.execute(db);
  if (Number(rows[0]!.n) !== expected) {
    throw new Error(`Only ${rows[0]!.n} of ${expected} seeded ${table} are in the database: `
      + (kind === 'user' ? 'a seeded username or email is taken by an existing account, or ' : '')
      + `seeded ${table} were deleted since the interrupted run. Seed a fresh database.`);
  }
}

/** Channel handles that read like channels ("MariaCooks"); viewers get faker usernames. */
const CHANNEL_HANDLES: Record<string, (name: string) => string> = {
  cooking: (name) => `${name}Cooks`,
  programming: (name) => `CodeWith${name}`,
  travel: (name) => `${name}Travels`,
  music: (name) => `${name}Music`,
  fitness: (name) => `${name}Fitness`,
  gaming: (name) => `${name}Plays`,
  science: (name) => `${name}Explains`,
};

function usernames(seed: number, users: UserPlan): { names: string[]; bios: string[] } {
  const faker = peopleFaker(seed);
  const taken = new Set<string>();
  const names: string[] = new Array(users.count);
  const bios: string[] = new Array(users.count);
  for (let i = 0; i < users.count; i += 1) {
    const first = faker.person.firstName().replace(/[^A-Za-z]/g, '');
    const last = faker.person.lastName().replace(/[^A-Za-z]/g, '');
    let base: string;
    if (i < users.channelCount) {
      const topic = TOPIC_NAMES[users.channelTopic[i]!]!;
      base = CHANNEL_HANDLES[topic]!(faker.datatype.boolean() ? first : `${first}${last}`);
      bios[i] = `${TOPICS[topic].name[0]!.toUpperCase()}${TOPICS[topic].name.slice(1)} videos every week. ${faker.company.catchPhrase()}.`;
    } else {
      base = faker.internet.username({ firstName: first, lastName: last });
      bios[i] = faker.datatype.boolean(0.2) ? faker.person.bio() : '';
    }
    let name = base.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 24).padEnd(3, '_');
    if (taken.has(name.toLowerCase())) name = `${name}_${i.toString(36)}`;
    taken.add(name.toLowerCase());
    names[i] = name;
  }
  return { names, bios };
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
export async function seedCatalogue(deps: SeedDependencies, options: SeedOptions, progress: SeedProgress = silentProgress, internals: SeedInternals = {}): Promise<SeedReport> {
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
    return { seed: options.seed, outcome: 'complete', anchorAt: run.anchorAt, tables: [], inserted: 0, sampleCreated: false, phases, seconds: (performance.now() - started) / 1000 };
  }
  const anchorMs = run.anchorAt.getTime();
  const ids = new SeedIds(options.seed);
  const writers: TableWriter[] = [];
  const queue = new WriteQueue(internals.writeConcurrency ?? (database.kind === 'postgres' ? 2 : 1));
  const trusted = internals.searchIndexing !== 'trigger' && internals.foreignKeyChecks !== 'always' && await trustedLoadAllowed(db);
  const writer = (spec: TableSpec, onWritten?: (rows: number) => void) => {
    const created = new TableWriter(db, queue, trusted ? { ...spec, beforeInsert: TRUSTED_LOAD } : spec, options.batchSize, onWritten);
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
    const out = writer({
      table: 'users',
      columns: { id: 'uuid', username: 'text', email: 'text', role: 'text', bio: 'text', created_at: 'epochMs', updated_at: 'epochMs' },
      constants: { password_hash: { kind: 'text', value: passwordHash } },
    }, (rows) => step.advance(rows));
    for (let i = 0; i < users.count; i += 1) {
      const at = users.createdAt[i]!;
      out.add(ids.id('user', i), names[i], `${names[i]!.toLowerCase()}@example.com`, i < users.channelCount ? 'creator' : 'viewer', bios[i], at, at);
      await out.flushIfFull();
    }
    await out.finish();
    await requirePresent(db, ids, 'user', users.count);
    step.done(newRows(out));
  });

  const followerGraph = timed('subscriptions', async () => {
    const total = graph.subscriber.length;
    const step = progress.phase('subscriptions', total, 'subscriptions');
    const stats = writer({ table: 'channel_stats', columns: { user_id: 'uuid', subscriber_count: 'integer', subscription_count: 'integer' } });
    for (let i = 0; i < users.count; i += 1) {
      stats.add(ids.id('user', i), graph.followers[i], graph.following[i]);
      await stats.flushIfFull();
    }
    await stats.flush();
    const out = writer({ table: 'subscriptions', columns: { subscriber_id: 'uuid', channel_id: 'uuid', created_at: 'epochMs' } }, (rows) => step.advance(rows));
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
        out.add(ids.id('video', i), ids.id('user', videos.creator[i]!), text.title, text.description, text.tags.join(TAG_SEPARATOR), text.category,
          VISIBILITIES[videos.visibility[i]!], uploadedAt - 30_000, uploadedAt, processedAt, processedAt,
          videos.durationSeconds[i], videos.views[i], videos.likes[i], videos.comments[i]);
        await out.flushIfFull();
      }
      await out.finish();
      await requirePresent(db, ids, 'video', videos.count);
      // Once every video row is committed: their renditions (all the shared sample's).
      const renditions = writer(renditionSpec());
      for (let i = 0; i < videos.count; i += 1) {
        const id = ids.id('video', i);
        for (const rendition of sample.renditions) {
          renditions.add(id, rendition.name, rendition.kind, rendition.width, rendition.height, rendition.bandwidth, rendition.codecs, rendition.playlistKey);
        }
        await renditions.flushIfFull();
      }
      await renditions.finish();
      step.done(newRows(out));
    });

    // One statement on a connection of its own, beside the engagement batches (PostgreSQL runs both).
    const searchIndex = searchOff ? timed('search index', async () => {
      const step = progress.phase('search index', videos.count, 'videos');
      const indexed = await indexUnindexedVideos(db);
      step.done(`${indexed.documents.toLocaleString('en-US')} documents, ${indexed.tags.toLocaleString('en-US')} new tags`);
    }) : Promise.resolve();

    const engagement = timed('engagement', async () => {
      const step = progress.phase('engagement', videos.count, 'videos');
      const random = new Random(options.seed, 'engagement');
      const watch = writer({
        table: 'watch_history',
        columns: { user_id: 'uuid', video_id: 'uuid', position_seconds: 'double', watched_seconds: 'double', completed: 'boolean', last_watched_at: 'epochMs' },
      });
      const likes = writer({ table: 'likes', columns: { user_id: 'uuid', video_id: 'uuid', created_at: 'epochMs' } });
      const comments = writer({
        table: 'comments',
        columns: { id: 'uuid', video_id: 'uuid', user_id: 'uuid', parent_id: 'uuid', reply_to_user_id: 'uuid', text: 'text', reply_count: 'integer', created_at: 'epochMs', updated_at: 'epochMs' },
      });
      const daily = writer({ table: 'video_daily_stats', columns: { video_id: 'uuid', day: 'epochDay', views: 'bigint', watch_seconds: 'bigint' } });
      let commentBase = 0;
      let reported = 0;
      for (let i = 0; i < videos.count; i += 1) {
        const videoId = ids.id('video', i);
        const rows = videoEngagement(videos, i, users, anchorMs, words, random);
        for (const row of rows.watches) watch.add(ids.id('user', row.user), videoId, row.positionSeconds, row.watchedSeconds, row.completed, row.at);
        for (const row of rows.likes) likes.add(ids.id('user', row.user), videoId, row.at);
        // All of a video's comments go into one batch, so a reply's parent is inserted by the same statement.
        for (const row of rows.comments) {
          comments.add(ids.id('comment', commentBase + row.index), videoId, ids.id('user', row.user),
            row.parentIndex === null ? null : ids.id('comment', commentBase + row.parentIndex),
            row.replyToUser === null ? null : ids.id('user', row.replyToUser), row.text, row.replyCount, row.at, row.at);
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
    await sql`analyze users, channel_stats, subscriptions, videos, video_renditions, video_search, search_tags, search_words, likes, watch_history, comments, video_daily_stats`.execute(db);
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

function mergeStats(all: WriteStats[]): WriteStats[] {
  const byTable = new Map<string, WriteStats>();
  for (const stats of all) {
    const merged = byTable.get(stats.table) ?? { table: stats.table, offered: 0, inserted: 0 };
    merged.offered += stats.offered;
    merged.inserted += stats.inserted;
    byTable.set(stats.table, merged);
  }
  return [...byTable.values()];
}

function videoSpec(sample: SampleMedia, searchOff: boolean): TableSpec {
  return {
    table: 'videos',
    columns: {
      id: 'uuid', creator_id: 'uuid', title: 'text', description: 'text', tags: 'tags', category: 'text', visibility: 'text',
      created_at: 'epochMs', uploaded_at: 'epochMs', processed_at: 'epochMs', updated_at: 'epochMs',
      duration_seconds: 'double', view_count: 'bigint', like_count: 'integer', comment_count: 'integer',
    },
    constants: {
      status: { kind: 'text', value: 'ready' },
      processing_progress: { kind: 'double', value: 100 },
      width: { kind: 'integer', value: sample.width },
      height: { kind: 'integer', value: sample.height },
      fps: { kind: 'double', value: sample.fps },
      video_codec: { kind: 'text', value: sample.videoCodec },
      audio_codec: { kind: 'text', value: sample.audioCodec },
      bitrate: { kind: 'bigint', value: sample.bitrate },
      has_audio: { kind: 'boolean', value: sample.audioCodec !== null },
      rotation: { kind: 'integer', value: 0 },
      master_playlist_key: { kind: 'text', value: sample.masterPlaylistKey },
      thumbnail_key: { kind: 'text', value: sample.thumbnailKey },
      storyboard_image_key: { kind: 'text', value: sample.storyboardImageKey },
      storyboard_vtt_key: { kind: 'text', value: sample.storyboardVttKey },
    },
    // This transaction only: the search trigger skips these rows; indexUnindexedVideos indexes them after.
    ...(searchOff ? { beforeInsert: sql`select set_config('streamhub.search_sync', 'off', true)` } : {}),
  };
}

function renditionSpec(): TableSpec {
  return {
    table: 'video_renditions',
    columns: { video_id: 'uuid', name: 'text', kind: 'text', width: 'integer', height: 'integer', bandwidth: 'integer', codecs: 'text', playlist_key: 'text' },
  };
}
