import { notHeldForReview } from '../moderation/held-for-review.ts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { exactTimestamp } from '../../platform/pagination/exact-timestamp.ts';
import type { VideoRow } from './repo.ts';

/** The sort and, past the first page, the keyset position of the previous page's last row. */
export type ChannelVideoOrder =
  | { sort: 'newest'; after?: { createdAt: string; id: string } }
  | { sort: 'popular'; after?: { viewCount: number; id: string } };

export type ChannelVideoRow = VideoRow & { exact_created_at: string };

export interface ChannelVideoTotals {
  videoCount: number;
  totalViews: number;
}

/**
 * Public, read-only queries of the videos module for the channel page (the channels module calls them): only what anyone may
 * see there, i.e. ready and public (unlisted and private videos never show on a channel, not even to
 * their owner, who has /me/videos).
 */
function publishedBy(db: Executor, creatorId: string) {
  return db
    .selectFrom('videos')
    .where('creator_id', '=', creatorId)
    .where('status', '=', 'ready')
    .where('visibility', '=', 'public')
    .where(notHeldForReview('videos.id'));
}

export const channelVideoQueries = {
  /** `limit + 1` rows so the caller knows whether another page follows. */
  list(db: Executor, creatorId: string, order: ChannelVideoOrder, limit: number): Promise<ChannelVideoRow[]> {
    let query = publishedBy(db, creatorId).selectAll().select(exactTimestamp('created_at').as('exact_created_at'));
    if (order.sort === 'newest') {
      const { after } = order;
      if (after)
        query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
      query = query.orderBy('created_at', 'desc').orderBy('id', 'desc');
    } else {
      const { after } = order;
      if (after) query = query.where(sql<boolean>`(view_count, id) < (${after.viewCount}::bigint, ${after.id}::uuid)`);
      query = query.orderBy('view_count', 'desc').orderBy('id', 'desc');
    }
    return query.limit(limit + 1).execute();
  },

  async totals(db: Executor, creatorId: string): Promise<ChannelVideoTotals> {
    const row = await publishedBy(db, creatorId)
      .select([
        sql<number>`count(*)::int`.as('video_count'),
        sql<number>`coalesce(sum(view_count), 0)::bigint`.as('total_views'),
      ])
      .executeTakeFirstOrThrow();
    return { videoCount: row.video_count, totalViews: row.total_views };
  },
};
