import { sql } from 'kysely';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import { videoVisibleTo } from '../views/visible-videos.ts';

export type LikedVideoRow = VideoRow & { liked_at: Date };

export const likeRepo = {
  async likedAmong(db: Executor, userId: string, videoIds: readonly string[]): Promise<Set<string>> {
    if (videoIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('likes')
      .select('video_id')
      .where('user_id', '=', userId)
      .where('video_id', 'in', videoIds)
      .execute();
    return new Set(rows.map((row) => row.video_id));
  },

  /** The actor's likes of videos they may still see, newest first; `limit + 1` rows tell whether more follow. */
  listLiked(db: Executor, actor: AuthenticatedUser, limit: number, after?: TimePosition): Promise<LikedVideoRow[]> {
    let query = db
      .selectFrom('likes')
      .innerJoin('videos', 'videos.id', 'likes.video_id')
      .selectAll('videos')
      .select('likes.created_at as liked_at')
      .where('likes.user_id', '=', actor.id)
      .where(videoVisibleTo(actor));
    if (after) query = query.where(sql<boolean>`(likes.created_at, likes.video_id) < (${after.at}, ${after.id}::uuid)`);
    return query
      .orderBy('likes.created_at', 'desc')
      .orderBy('likes.video_id', 'desc')
      .limit(limit + 1)
      .execute();
  },
};
