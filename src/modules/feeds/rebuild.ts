import { discoveryQueries } from '../videos/discovery-queries.ts';
import { fanOutVideo, type FeedDeps } from './jobs.ts';

/**
 * Recomputes every subscriptions feed from the subscriptions and the public videos of the last
 * `days` days, by running the fan-out of each of those videos (oldest first) into emptied feeds.
 * For after a bulk import, or a Redis that lost its feeds. Celebrity channels are skipped as always.
 */
export async function rebuildFeeds(deps: FeedDeps, days = 30): Promise<{ videos: number; pushed: number }> {
  const { db } = deps;
  await deps.store.clear();
  const since = new Date(Date.now() - days * 86_400_000);
  const videos = await discoveryQueries.publicIdsPublishedSince(db, since);
  let pushed = 0;
  for (const video of videos) pushed += await fanOutVideo(deps, video.id);
  return { videos: videos.length, pushed };
}
