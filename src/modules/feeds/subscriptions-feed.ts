import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { cursorCodec, timePosition, type TimePosition } from '../../platform/pagination/cursor.ts';
import { subscriberQueries } from '../subscriptions/subscriber-queries.ts';
import { discoveryQueries } from '../videos/discovery-queries.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { FeedEntry, FeedStore } from './feed-store.ts';

const feedCursor = cursorCodec('subscriptions-feed', timePosition);

export interface FeedPage {
  videos: VideoRow[];
  nextCursor: string | null;
}

/** Newest first; the video id breaks ties the same way in SQL, in Redis and here. */
function newerFirst(a: FeedEntry, b: FeedEntry): number {
  return (
    b.publishedAt.getTime() - a.publishedAt.getTime() || (a.videoId < b.videoId ? 1 : a.videoId > b.videoId ? -1 : 0)
  );
}

/**
 * The subscriptions feed: the pushed entries of the reader's feed merged with the recent uploads of
 * the big channels they follow (pulled here, since those are never fanned out). Both halves are read
 * past the same keyset position and merged in one order, so pages never repeat or skip a video even
 * while new uploads arrive. Entries of channels the reader no longer follows are dropped at once,
 * before the unsubscribe has cleaned the stored feed.
 */
export class SubscriptionsFeed {
  private readonly db: Kysely<DB>;
  private readonly store: FeedStore;
  /** Read on every page, not copied: the settings object is the config's. */
  private readonly settings: Pick<Config['feeds'], 'celebrityThreshold'>;

  constructor(deps: { db: Kysely<DB>; store: FeedStore; settings: Pick<Config['feeds'], 'celebrityThreshold'> }) {
    this.db = deps.db;
    this.store = deps.store;
    this.settings = deps.settings;
  }

  async page(userId: string, limit: number, cursor?: string): Promise<FeedPage> {
    const { db } = this;
    const before = feedCursor.decodeOptional(cursor);
    const following = await subscriberQueries.following(db, userId);
    const followed = new Set(following.map((row) => row.channel_id));
    const celebrities = following
      .filter((row) => (row.subscriber_count ?? 0) > this.settings.celebrityThreshold)
      .map((row) => row.channel_id);

    const [pushed, pulled] = await Promise.all([
      this.store.read(userId, limit + 1, before),
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
      videos: await videoQueries.findPublicByIds(db, visible),
      nextCursor: merged.length > limit && last ? feedCursor.encode({ at: last.publishedAt, id: last.videoId }) : null,
    };
  }

  /** The newest public uploads of big channels, read along their (creator_id, processed_at, id) index. */
  private async pull(channelIds: string[], limit: number, before?: TimePosition): Promise<FeedEntry[]> {
    const rows = await discoveryQueries.publicUploadsOf(this.db, channelIds, limit, before);
    return rows.map((row) => ({ videoId: row.id, creatorId: row.creator_id, publishedAt: row.processed_at! }));
  }
}
