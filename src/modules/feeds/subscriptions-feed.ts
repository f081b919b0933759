import { sql } from 'kysely';
import type { Platform } from '../../platform/platform.ts';
import { cursorCodec, timePosition, type TimePosition } from '../../platform/pagination/cursor.ts';
import { videoRepo, type VideoRow } from '../videos/repo.ts';
import { feedStoreFor, type FeedEntry } from './feed-store.ts';

const feedCursor = cursorCodec('subscriptions-feed', timePosition);

export interface FeedPage { videos: VideoRow[]; nextCursor: string | null }

/** Newest first; the video id breaks ties the same way in SQL, in Redis and here. */
function newerFirst(a: FeedEntry, b: FeedEntry): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || (a.videoId < b.videoId ? 1 : a.videoId > b.videoId ? -1 : 0);
}

/**
 * The subscriptions feed: the pushed entries of the reader's feed merged with the recent uploads of
 * the big channels they follow (pulled here, since those are never fanned out). Both halves are read
 * past the same keyset position and merged in one order, so pages never repeat or skip a video even
 * while new uploads arrive. Entries of channels the reader no longer follows are dropped at once,
 * before the unsubscribe has cleaned the stored feed.
 */
export class SubscriptionsFeed {
  constructor(private readonly platform: Platform) {}

  async page(userId: string, limit: number, cursor?: string): Promise<FeedPage> {
    const { db } = this.platform.database;
    const before = feedCursor.decodeOptional(cursor);
    const following = await db.selectFrom('subscriptions')
      .leftJoin('channel_stats', 'channel_stats.user_id', 'subscriptions.channel_id')
      .select(['subscriptions.channel_id', 'channel_stats.subscriber_count'])
      .where('subscriptions.subscriber_id', '=', userId).execute();
    const followed = new Set(following.map((row) => row.channel_id));
    const celebrities = following.filter((row) => (row.subscriber_count ?? 0) > this.platform.config.feeds.celebrityThreshold)
      .map((row) => row.channel_id);

    const [pushed, pulled] = await Promise.all([
      feedStoreFor(this.platform).read(userId, limit + 1, before),
      this.pull(celebrities, limit + 1, before),
    ]);
    const seen = new Set<string>();
    const merged = [...pushed, ...pulled].sort(newerFirst).filter((entry) => {
      if (seen.has(entry.videoId)) return false;
      seen.add(entry.videoId);
      return true;
    });
    const page = merged.slice(0, limit);
    const last = page.at(-1);
    const visible = page.filter((entry) => followed.has(entry.creatorId)).map((entry) => entry.videoId);
    return {
      videos: await videoRepo.findPublicByIds(db, visible),
      nextCursor: merged.length > limit && last ? feedCursor.encode({ at: last.publishedAt, id: last.videoId }) : null,
    };
  }

  /** The newest public uploads of big channels, read along their (creator_id, processed_at, id) index. */
  private async pull(channelIds: string[], limit: number, before?: TimePosition): Promise<FeedEntry[]> {
    if (channelIds.length === 0) return [];
    let query = this.platform.database.db.selectFrom('videos').select(['id', 'creator_id', 'processed_at'])
      .where('creator_id', 'in', channelIds).where('status', '=', 'ready').where('visibility', '=', 'public');
    if (before) query = query.where(sql<boolean>`(processed_at, id) < (${before.at}, ${before.id}::uuid)`);
    const rows = await query.orderBy('processed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({ videoId: row.id, creatorId: row.creator_id, publishedAt: row.processed_at! }));
  }
}
