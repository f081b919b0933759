import type { Executor } from '../../platform/db/transaction.ts';

/** One entry of a viewer's ranked list, as cached (short keys: a list holds up to a hundred). */
export interface RankedEntry {
  /** video id */
  v: string;
  /** the source that put it there */
  s: RecommendationSource;
  /** the human reason shown on the card */
  r: string;
}

export type RecommendationSource = 'cowatch' | 'similar' | 'subscriptions' | 'trending' | 'fresh' | 'model';

export const recommendationRepo = {
  async readCache(db: Executor, userId: string, now: Date): Promise<RankedEntry[] | undefined> {
    const row = await db
      .selectFrom('recommendation_cache')
      .select('items')
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    // jsonb comes back parsed from pg and PGlite alike.
    return row.items as RankedEntry[];
  },

  async writeCache(db: Executor, userId: string, items: RankedEntry[], expiresAt: Date): Promise<void> {
    const json = JSON.stringify(items);
    await db
      .insertInto('recommendation_cache')
      .values({ user_id: userId, items: json, computed_at: new Date(), expires_at: expiresAt })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet({ items: json, computed_at: new Date(), expires_at: expiresAt }),
      )
      .execute();
  },

  async dropCache(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('recommendation_cache').where('user_id', '=', userId).execute();
  },

  /** True when the mark is new (a repeated request changes nothing). */
  async markNotInterested(db: Executor, userId: string, videoId: string, channelId: string): Promise<boolean> {
    const result = await db
      .insertInto('recommendation_not_interested')
      .values({ user_id: userId, video_id: videoId, channel_id: channelId })
      .onConflict((conflict) => conflict.columns(['user_id', 'video_id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  },

  async unmarkNotInterested(db: Executor, userId: string, videoId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('recommendation_not_interested')
      .where('user_id', '=', userId)
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** The hidden videos and the channels they lower, for one viewer. */
  async notInterested(db: Executor, userId: string): Promise<{ videoIds: Set<string>; channelIds: Set<string> }> {
    const rows = await db
      .selectFrom('recommendation_not_interested')
      .select(['video_id', 'channel_id'])
      .where('user_id', '=', userId)
      .execute();
    return {
      videoIds: new Set(rows.map((row) => row.video_id)),
      channelIds: new Set(rows.map((row) => row.channel_id)),
    };
  },
};
