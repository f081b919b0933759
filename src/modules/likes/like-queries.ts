import type { Executor } from '../../platform/db/transaction.ts';

/** Public, read-only queries of the likes module for other modules. */
export const likeQueries = {
  /** Ids of the videos a viewer liked, most recent first (recommendations take their taste from them). */
  async recentlyLikedIds(db: Executor, userId: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('likes')
      .select('video_id')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.video_id);
  },
};
