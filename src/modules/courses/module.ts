import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
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
}

/** The courses module, built once per process by the composition root (src/modules/services.ts). */
export function createCoursesModule(deps: CoursesDeps) {
  const { db } = deps;
  const redisBoards = deps.redis ? new RedisLeaderboardStore(deps.redis, deps.redisKeyPrefix) : undefined;
  const boards: LeaderboardStore = redisBoards ?? new SqlLeaderboardStore(db);
  return {
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
