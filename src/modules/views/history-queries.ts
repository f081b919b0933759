import type { Executor } from '../../platform/db/transaction.ts';
import type { VideoRow } from '../videos/repo.ts';

/** Public, read-only queries of the views module: what a viewer watched lately (the home page's taste). */
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
};
