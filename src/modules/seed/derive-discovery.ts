import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { FeedDeps } from '../feeds/jobs.ts';
import { rebuildCowatch } from '../recommendations/cowatch.ts';
import { rebuildFeeds } from '../feeds/rebuild.ts';
import type { TrendingStore } from '../trending/trending-store.ts';
import { rebuildTrendingActivity } from '../trending/rebuild.ts';
import { refreshTrending } from '../trending/refresh.ts';

/** Subscription feeds get the uploads of the last week, as fan-outs would have pushed them. */
export const SEEDED_FEED_DAYS = 7;

export interface DerivedDiscovery {
  trendingBuckets: number;
  refreshMs: number;
  feedEntries: number;
  feedVideos: number;
  cowatchPairs: number;
}

/**
 * The seed writes source rows only (with triggers off for speed); trending activity, rankings and the
 * subscriptions feeds and the recommendations' co-watch pairs are derived from them here, exactly as
 * `streamhub rebuild trending feeds recommendations` would.
 */
export async function deriveDiscovery(
  db: Kysely<DB>,
  parts: { trendingStore: TrendingStore; feeds: FeedDeps },
): Promise<DerivedDiscovery> {
  const trendingBuckets = await rebuildTrendingActivity(db);
  const refresh = await refreshTrending(db, parts.trendingStore);
  const feeds = await rebuildFeeds(parts.feeds, SEEDED_FEED_DAYS);
  const cowatch = await rebuildCowatch(db);
  return {
    trendingBuckets,
    refreshMs: refresh.durationMs,
    feedEntries: feeds.pushed,
    feedVideos: feeds.videos,
    cowatchPairs: cowatch.pairs,
  };
}
