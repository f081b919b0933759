import type { Executor } from '../../platform/db/transaction.ts';
import type { VideoRow } from '../videos/repo.ts';

/** Public, read-only queries of the views module: what a viewer watched lately (home page and recommendations). */
export const historyQueries = {
  recentlyWatched(db: Executor, userId: string, limit: number): Promise<VideoRow[]> {
    return db
      .selectFrom('watch_history')
      .innerJoin('videos', 'videos.id', 'watch_history.video_id')
      .selectAll('videos')
      .where('watch_history.user_id', '=', userId)
      .orderBy('watch_history.last_watched_at', 'desc')
      .limit(limit)
      .execute();
  },

  /** The viewer's history, most recent first: which videos, whether finished, and when (recommendations). */
  watchedVideos(
    db: Executor,
    userId: string,
    limit: number,
  ): Promise<{ video_id: string; completed: boolean; last_watched_at: Date }[]> {
    return db
      .selectFrom('watch_history')
      .select(['video_id', 'completed', 'last_watched_at'])
      .where('user_id', '=', userId)
      .orderBy('last_watched_at', 'desc')
      .limit(limit)
      .execute();
  },
};
