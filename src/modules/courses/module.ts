import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs/job-queue.ts';
import { CourseDocuments } from './course-documents.ts';
import { COURSES_QUEUE, CourseGeneration, GENERATE_COURSE_JOB } from './course-generation.ts';
import type { VideoService } from '../videos/service.ts';
import { CourseEditor } from './course-editor.ts';
import { CourseOutlines } from './course-outline.ts';
import { Leaderboards } from './leaderboards.ts';
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
  ai: Ai;
  /** Each user's daily generator tokens for course generation. */
  generationDailyTokens: number;
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
  });
  return {
    documents: new CourseDocuments(db),
    generation,
    /** Job handlers of the courses queue (src/workers.ts registers them). */
    jobHandlers: {
      [GENERATE_COURSE_JOB]: ((job) => generation.run(job)) as JobHandler<{ generationId: string }>,
    },
    queue: COURSES_QUEUE,
    editor: new CourseEditor(db, deps.videos),
    outlines: new CourseOutlines(db),
    learning: new Learning(db, boards),
    leaderboards: new Leaderboards(db, boards),
    /** Rebuilds every Redis board from PostgreSQL (the `streamhub courses rebuild-leaderboards` command). */
    async rebuildLeaderboards(): Promise<{ boards: number; entries: number }> {
      if (!redisBoards) return { boards: 0, entries: 0 };
      const names = await db.selectFrom('course_xp_totals').select('board').distinct().execute();
      let entries = 0;
      for (const { board } of names) entries += await redisBoards.rebuild(db, board);
      return { boards: names.length, entries };
    },
  };
}

export type CoursesModule = ReturnType<typeof createCoursesModule>;
