import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs/job-queue.ts';
import { CourseDocuments } from './course-documents.ts';
import { CourseExports, EXPORT_COURSE_PDF_JOB } from './course-exports.ts';
import type { PubSub } from '../../platform/pubsub/pubsub.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { COURSES_QUEUE, CourseGeneration, GENERATE_COURSE_JOB } from './course-generation.ts';
import type { VideoService } from '../videos/service.ts';
import { CourseEditor } from './course-editor.ts';
import { recomputeXpTotals, XpLedger } from './xp-ledger.ts';
import { CourseOutlines } from './course-outline.ts';
import { Leaderboards } from './leaderboards.ts';
import { LessonLookup } from './lesson-lookup.ts';
import { Learning } from './learning.ts';
import { RedisLeaderboardStore, SqlLeaderboardStore, type LeaderboardStore } from './leaderboard-store.ts';

export interface CoursesDeps {
  db: Kysely<DB>;
  /** Checks that a video lesson's video may be used by the creator. */
  videos: VideoService;
  /** Scale mode: leaderboards read from sorted sets mirrored from the table. */
  redis?: Redis;
  redisKeyPrefix: string;
  jobs: JobQueue;
  /** Generation progress reaches event streams in every API process. */
  pubsub: PubSub;
  ai: Ai;
  /** Each user's daily generator tokens for course generation. */
  generationDailyTokens: number;
  /** PDF exports are written here. */
  storage: ObjectStorage;
  /** Signs export download links (a key of its own is derived from it). */
  secret: string;
  exportUrlTtlSeconds: number;
}

/** The courses module, built once per process by the composition root (src/modules/services.ts). */
export function createCoursesModule(deps: CoursesDeps) {
  const { db } = deps;
  const redisBoards = deps.redis ? new RedisLeaderboardStore(deps.redis, deps.redisKeyPrefix) : undefined;
  const boards: LeaderboardStore = redisBoards ?? new SqlLeaderboardStore(db);
  const generation = new CourseGeneration({
    db,
    jobs: deps.jobs,
    ai: deps.ai,
    videos: deps.videos,
    dailyTokens: deps.generationDailyTokens,
    pubsub: deps.pubsub,
  });
  const exports = new CourseExports({
    db,
    jobs: deps.jobs,
    storage: deps.storage,
    secret: deps.secret,
    urlTtlSeconds: deps.exportUrlTtlSeconds,
  });
  const xp = new XpLedger(db, boards);
  return {
    exports,
    /** XP awards (group commit into the table, then the leaderboard mirror). */
    xp,
    documents: new CourseDocuments(db),
    /** Read access to a lesson for other features (shared notes). */
    lessons: new LessonLookup(db),
    generation,
    /** Job handlers of the courses queue (src/workers.ts registers them). */
    jobHandlers: {
      [GENERATE_COURSE_JOB]: ((job) => generation.run(job)) as JobHandler<{ generationId: string }>,
      [EXPORT_COURSE_PDF_JOB]: ((job) => exports.run(job)) as JobHandler<{ exportId: string }>,
    },
    queue: COURSES_QUEUE,
    editor: new CourseEditor(db, deps.videos),
    outlines: new CourseOutlines(db),
    learning: new Learning(db, xp),
    leaderboards: new Leaderboards(db, boards),
    /**
     * Recomputes every board's totals from the XP events (the source of truth), then, in scale mode,
     * every Redis board from the totals: `streamhub rebuild leaderboards`.
     */
    async rebuildLeaderboards(): Promise<{ boards: number; entries: number }> {
      await recomputeXpTotals(db);
      const names = await db.selectFrom('course_xp_totals').select('board').distinct().execute();
      let entries = 0;
      for (const { board } of names)
        entries += redisBoards
          ? await redisBoards.rebuild(db, board)
          : Number(
              (
                await db
                  .selectFrom('course_xp_totals')
                  .select((eb) => eb.fn.countAll<string>().as('n'))
                  .where('board', '=', board)
                  .executeTakeFirstOrThrow()
              ).n,
            );
      return { boards: names.length, entries };
    },
  };
}

export type CoursesModule = ReturnType<typeof createCoursesModule>;
