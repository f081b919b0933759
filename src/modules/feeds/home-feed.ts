import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { TrendingService } from '../trending/service.ts';
import { discoveryQueries } from '../videos/discovery-queries.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { VideoRow } from '../videos/repo.ts';
import { historyQueries } from '../views/history-queries.ts';
import type { SubscriptionsFeed } from './subscriptions-feed.ts';

export type HomeReason = 'subscriptions' | 'trending' | 'related' | 'fresh';
export interface HomeItem {
  reason: HomeReason;
  video: VideoRow;
}

/** How many recently watched videos describe a viewer's taste, and how far back "related" looks. */
const TASTE_HISTORY = 20;
const RELATED_RECENT_DAYS = 90;

/**
 * The home page. Guests get trending (day) and fresh uploads; signed-in viewers get their
 * subscriptions, trending, and videos sharing tags or a category with what they watched lately.
 * The sources are interleaved round-robin (so no source crowds out the others) without repeats;
 * what the viewer has already watched is left out of every source but their subscriptions.
 */
export class HomeFeed {
  private readonly db: Kysely<DB>;
  private readonly trending: TrendingService;
  private readonly subscriptions: SubscriptionsFeed;

  constructor(deps: { db: Kysely<DB>; trending: TrendingService; subscriptions: SubscriptionsFeed }) {
    this.db = deps.db;
    this.trending = deps.trending;
    this.subscriptions = deps.subscriptions;
  }

  async list(userId: string | undefined, limit: number): Promise<HomeItem[]> {
    const trending = this.trending.list('day', undefined, 0, limit);
    const fresh = this.fresh(limit);
    if (!userId)
      return interleave(limit, [
        ['trending', await trending],
        ['fresh', await fresh],
      ]);

    const watched = await this.recentlyWatched(userId);
    const watchedIds = new Set(watched.map((video) => video.id));
    const unwatched = (videos: VideoRow[]) => videos.filter((video) => !watchedIds.has(video.id));
    const [subscribed, trendingVideos, related, freshVideos] = await Promise.all([
      this.subscriptions.page(userId, limit).then((page) => page.videos),
      trending.then(unwatched),
      this.related(watched, userId, limit).then(unwatched),
      fresh.then(unwatched),
    ]);
    return interleave(limit, [
      ['subscriptions', subscribed],
      ['related', related],
      ['trending', trendingVideos],
      ['fresh', freshVideos],
    ]);
  }

  private fresh(limit: number): Promise<VideoRow[]> {
    return discoveryQueries.freshPublic(this.db, limit);
  }

  private recentlyWatched(userId: string): Promise<VideoRow[]> {
    return historyQueries.recentlyWatched(this.db, userId, TASTE_HISTORY);
  }

  /** Popular recent videos from other channels sharing a tag or the category of the viewer's recent history. */
  private async related(watched: VideoRow[], userId: string, limit: number): Promise<VideoRow[]> {
    const tags = [...new Set(watched.flatMap((video) => video.tags))];
    const categories = [...new Set(watched.flatMap((video) => (video.category ? [video.category] : [])))];
    const since = new Date(Date.now() - RELATED_RECENT_DAYS * 86_400_000);
    const ids = await discoveryQueries.relatedPublicIds(this.db, {
      tags,
      categories,
      excludeCreatorId: userId,
      since,
      limit: limit + watched.length,
    });
    return ids.length === 0 ? [] : videoQueries.findPublicByIds(this.db, ids);
  }
}

/** Takes one from each source in turn, skipping repeats, until `limit` items or every source is spent. */
function interleave(limit: number, sources: [HomeReason, VideoRow[]][]): HomeItem[] {
  const items: HomeItem[] = [];
  const seen = new Set<string>();
  const cursors = sources.map(() => 0);
  let progressed = true;
  while (items.length < limit && progressed) {
    progressed = false;
    sources.forEach(([reason, videos], index) => {
      while (items.length < limit && cursors[index]! < videos.length) {
        const video = videos[cursors[index]!++]!;
        if (seen.has(video.id)) continue;
        seen.add(video.id);
        items.push({ reason, video });
        progressed = true;
        break;
      }
    });
  }
  return items;
}
