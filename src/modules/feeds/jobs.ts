import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs/job-queue.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { FeedStore } from './feed-store.ts';
import { publishedAt } from './published-at.ts';
import { forEachSubscriberBatch, subscriberCount } from './subscribers.ts';

export const FEEDS_QUEUE = 'feeds';
export const FAN_OUT_VIDEO_JOB = 'fan-out-video';
export const REMOVE_VIDEO_FROM_FEEDS_JOB = 'remove-video-from-feeds';

export interface FeedJobPayload {
  videoId: string;
}

/** What fan-out and removal work with: the database, the process's feed store and the feed settings. */
export interface FeedDeps {
  db: Kysely<DB>;
  store: FeedStore;
  settings: Config['feeds'];
}

export function enqueueFanOut(jobs: JobQueue, videoId: string): Promise<{ id: string }> {
  return jobs.enqueue<FeedJobPayload>(
    FEEDS_QUEUE,
    FAN_OUT_VIDEO_JOB,
    { videoId },
    {
      priority: 'normal',
      attempts: 5,
      backoffMs: 2000,
      dedupeKey: `fan-out:${videoId}`,
    },
  );
}

export function enqueueFeedRemoval(jobs: JobQueue, videoId: string): Promise<{ id: string }> {
  return jobs.enqueue<FeedJobPayload>(
    FEEDS_QUEUE,
    REMOVE_VIDEO_FROM_FEEDS_JOB,
    { videoId },
    {
      priority: 'normal',
      attempts: 5,
      backoffMs: 2000,
      dedupeKey: `unfeed:${videoId}`,
    },
  );
}

/**
 * Pushes a public video into every subscriber's feed, a batch of 1,000 at a time, reporting progress.
 * A celebrity channel is skipped (its uploads are pulled when feeds are read). Before each batch the
 * video is checked again: one made private or deleted meanwhile stops the fan-out (its removal job
 * cleans what was pushed). Re-running is harmless: pushes are idempotent.
 */
export function createFanOutHandler(deps: FeedDeps): JobHandler<FeedJobPayload> {
  return async (job) => ({
    pushed: await fanOutVideo(deps, job.payload.videoId, {
      signal: job.signal,
      onProgress: (percent) => job.reportProgress(percent),
    }),
  });
}

export async function fanOutVideo(
  { db, store, settings }: FeedDeps,
  videoId: string,
  options: { signal?: AbortSignal; onProgress?: (percent: number) => Promise<void> } = {},
): Promise<number> {
  const stillPublic = async () => (await videoQueries.findPublicByIds(db, [videoId]))[0];
  const video = await stillPublic();
  if (!video) return 0;
  // One read of the count serves both the celebrity check and the progress denominator.
  const subscribers = await subscriberCount(db, video.creator_id);
  if (subscribers > settings.celebrityThreshold) return 0;
  const entry = { videoId: video.id, creatorId: video.creator_id, publishedAt: publishedAt(video) };
  const expected = Math.max(1, subscribers);
  return store.pushToSubscribers(entry, async (pushed) => {
    if (options.signal?.aborted || !(await stillPublic())) return false;
    await options.onProgress?.(Math.min(99, Math.round((pushed / expected) * 100)));
    return true;
  });
}

/** Takes a video out of every feed it was pushed to (made private, unlisted or deleted). */
export function createFeedRemovalHandler({ db, store }: Pick<FeedDeps, 'db' | 'store'>): JobHandler<FeedJobPayload> {
  return async (job) => {
    const video = await videoQueries.findById(db, job.payload.videoId);
    if (!video) return;
    const entry = { videoId: video.id, creatorId: video.creator_id };
    if (!store.removesPerUser) return store.removeVideo([], entry);
    await forEachSubscriberBatch(db, video.creator_id, (userIds) => store.removeVideo(userIds, entry));
  };
}
