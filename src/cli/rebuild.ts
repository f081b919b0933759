import type { Config } from '../config.ts';
import { createPlatform, type Platform } from '../platform/platform.ts';
import { closeServices, createServices, type Services } from '../modules/services.ts';
import { rebuildLikeCounts } from '../modules/likes/like-counts.ts';
import { rebuildSearchIndex } from '../modules/search/search-index.ts';
import { rebuildCommentCounts } from '../modules/comments/comment-counts.ts';
import { channelStatsRepo } from '../modules/subscriptions/channel-stats-repo.ts';
import { rebuildTrendingActivity } from '../modules/trending/rebuild.ts';
import { refreshTrending } from '../modules/trending/refresh.ts';
import { rebuildFeeds } from '../modules/feeds/rebuild.ts';
import { rebuildAnalytics } from '../modules/analytics/rollup.ts';
import { rebuildCowatch } from '../modules/recommendations/cowatch.ts';
import { backfillProcessedBytes } from '../modules/videos/processed-bytes-backfill.ts';

/** Derived data can always be recomputed from its source rows; each projection names its rebuild here. */
const PROJECTIONS: Record<string, (platform: Platform, services: Services) => Promise<string>> = {
  likes: async (platform, services) =>
    `like counts recomputed for ${await rebuildLikeCounts(platform.database.db, services.counters)} videos`,
  comments: async (platform) => {
    const result = await rebuildCommentCounts(platform.database.db);
    return `comment counts recomputed: ${result.comments} comments, ${result.videos} videos`;
  },
  subscriptions: async (platform) => {
    await channelStatsRepo.rebuild(platform.database.db);
    return 'subscriber and subscription counts recomputed';
  },
  search: async (platform) => {
    const result = await rebuildSearchIndex(platform.database.db);
    return `search index rebuilt: ${result.documents} videos, ${result.tags} tags`;
  },
  trending: async (platform, services) => {
    const buckets = await rebuildTrendingActivity(platform.database.db);
    const refresh = await refreshTrending(platform.database.db, services.trendingStore);
    return `trending rebuilt: ${buckets} activity buckets, rankings refreshed in ${refresh.durationMs} ms`;
  },
  feeds: async (_platform, services) => {
    const result = await rebuildFeeds(services.feeds);
    return `subscriptions feeds rebuilt: ${result.videos} recent videos, ${result.pushed} feed entries`;
  },
  analytics: async (platform) => {
    const result = await rebuildAnalytics(platform.database.db);
    return `analytics rollups recomputed from raw events: ${result.hours} video-hours, ${result.days} video-days`;
  },
  recommendations: async (platform) => {
    const result = await rebuildCowatch(platform.database.db);
    return `co-watch pairs recomputed: ${result.pairs} pairs from ${result.completions} finished watches`;
  },
  'storage-usage': async (platform) => {
    const result = await backfillProcessedBytes(platform, (progress) =>
      process.stdout.write(`storage usage: ${progress.measured + progress.failed}/${progress.total} videos listed\n`),
    );
    if (result.failed > 0) {
      throw new Error(`${result.failed} videos could not be measured (see the log); run the command again for them`);
    }
    return `stored bytes measured for ${result.measured} videos that had no figure`;
  },
  leaderboards: async (_platform, services) => {
    const result = await services.courses.rebuildLeaderboards();
    return `course leaderboards rebuilt from XP events: ${result.boards} boards, ${result.entries} entries`;
  },
};

export async function runRebuildCommand(config: Config, args: string[]): Promise<number> {
  const names = args.length ? args : Object.keys(PROJECTIONS);
  const unknown = names.filter((name) => !PROJECTIONS[name]);
  if (unknown.length) {
    process.stderr.write(
      `Unknown projection(s): ${unknown.join(', ')}. Known: ${Object.keys(PROJECTIONS).join(', ')}\n`,
    );
    return 1;
  }
  const platform = await createPlatform(config);
  const services = createServices(platform);
  try {
    for (const name of names) process.stdout.write(`${await PROJECTIONS[name]!(platform, services)}\n`);
    return 0;
  } finally {
    await closeServices(services);
    await platform.close();
  }
}
