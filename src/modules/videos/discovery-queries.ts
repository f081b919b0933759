import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import { notHeldForReview } from '../moderation/held-for-review.ts';
import type { VideoRow } from './repo.ts';

/**
 * Public, read-only queries of the videos module for discovery (feeds, home page): only ready public
 * videos, newest or most viewed first. A query whose rows are shown as they are leaves out videos held
 * for review; the ones that answer ids are shown through findPublicByIds, which does.
 */
export const discoveryQueries = {
  /** The newest public uploads. */
  freshPublic(db: Executor, limit: number): Promise<VideoRow[]> {
    return db
      .selectFrom('videos')
      .selectAll()
      .where('status', '=', 'ready')
      .where('visibility', '=', 'public')
      .where(notHeldForReview('videos.id'))
      .orderBy('processed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The newest public uploads of one channel (a new subscriber's backfill). */
  recentPublicBy(db: Executor, creatorId: string, limit: number): Promise<VideoRow[]> {
    return db
      .selectFrom('videos')
      .selectAll()
      .where('creator_id', '=', creatorId)
      .where('status', '=', 'ready')
      .where('visibility', '=', 'public')
      .orderBy('processed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Ids of public videos published after `since`, oldest first (a feeds rebuild replays them in order). */
  publicIdsPublishedSince(db: Executor, since: Date): Promise<{ id: string }[]> {
    return db
      .selectFrom('videos')
      .select('id')
      .where('status', '=', 'ready')
      .where('visibility', '=', 'public')
      .where('processed_at', '>', since)
      .orderBy('processed_at')
      .execute();
  },

  /** The newest public uploads of these channels past `before`, read along their (creator_id, processed_at, id) index. */
  async publicUploadsOf(db: Executor, channelIds: string[], limit: number, before?: TimePosition) {
    if (channelIds.length === 0) return [];
    let query = db
      .selectFrom('videos')
      .select(['id', 'creator_id', 'processed_at'])
      .where('creator_id', 'in', channelIds)
      .where('status', '=', 'ready')
      .where('visibility', '=', 'public');
    if (before) query = query.where(sql<boolean>`(processed_at, id) < (${before.at}, ${before.id}::uuid)`);
    return query.orderBy('processed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },

  /** Popular public videos published after `since` by others than `excludeCreatorId`, sharing a tag or a category. */
  async relatedPublicIds(
    db: Executor,
    {
      tags,
      categories,
      excludeCreatorId,
      since,
      limit,
    }: { tags: string[]; categories: string[]; excludeCreatorId: string; since: Date; limit: number },
  ): Promise<string[]> {
    if (tags.length === 0 && categories.length === 0) return [];
    const rows = await db
      .selectFrom('videos')
      .select('id')
      .where('status', '=', 'ready')
      .where('visibility', '=', 'public')
      .where('creator_id', '!=', excludeCreatorId)
      .where('processed_at', '>', since)
      .where((eb) =>
        eb.or([
          ...(tags.length > 0 ? [sql<boolean>`tags && ${tags}::text[]`] : []),
          ...(categories.length > 0 ? [eb('category', 'in', categories)] : []),
        ]),
      )
      .orderBy('view_count', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  },
};
