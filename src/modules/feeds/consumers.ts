import type { EventBus } from '../../platform/events/event-bus.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { SUBSCRIPTION_CREATED, SUBSCRIPTION_DELETED, type SubscriptionEventPayload } from '../subscriptions/events.ts';
import { discoveryQueries } from '../videos/discovery-queries.ts';
import { VIDEO_DELETED, VIDEO_READY, VIDEO_UPDATED, type VideoEventPayload } from '../videos/events.ts';
import { enqueueFanOut, enqueueFeedRemoval, type FeedDeps } from './jobs.ts';
import { publishedAt } from './published-at.ts';
import { isCelebrity } from './subscribers.ts';

/**
 * Keeps feeds in step with videos and subscriptions. Video changes become jobs (a fan-out can take
 * seconds; the upload and edit requests never wait for it); subscription changes touch one feed and
 * are applied here directly. Every effect is idempotent, so redelivered events are harmless.
 */
export function subscribeFeedConsumers(
  { events, jobs }: { events: EventBus; jobs: JobQueue },
  { db, store, settings }: FeedDeps,
): void {
  events.subscribe<VideoEventPayload>(
    'feeds-videos',
    [VIDEO_READY, VIDEO_UPDATED, VIDEO_DELETED],
    async ({ topic, payload }) => {
      const isPublicReady = payload.status === 'ready' && payload.visibility === 'public';
      if (topic === VIDEO_DELETED) await enqueueFeedRemoval(jobs, payload.videoId);
      else if (topic === VIDEO_READY && isPublicReady) await enqueueFanOut(jobs, payload.videoId);
      else if (topic === VIDEO_UPDATED && payload.previousVisibility !== payload.visibility) {
        if (isPublicReady) await enqueueFanOut(jobs, payload.videoId);
        else if (payload.previousVisibility === 'public') await enqueueFeedRemoval(jobs, payload.videoId);
      }
    },
  );

  events.subscribe<SubscriptionEventPayload>(
    'feeds-subscriptions',
    [SUBSCRIPTION_CREATED, SUBSCRIPTION_DELETED],
    async ({ topic, payload }) => {
      const { subscriberId, channelId } = payload;
      if (topic === SUBSCRIPTION_DELETED) return store.removeChannel(subscriberId, channelId);
      // Backfill: the channel's recent uploads appear in the new subscriber's feed at once.
      if (settings.backfillVideos === 0 || (await isCelebrity(db, channelId, settings.celebrityThreshold))) return;
      const recent = await discoveryQueries.recentPublicBy(db, channelId, settings.backfillVideos);
      for (const video of recent) {
        await store.push([subscriberId], {
          videoId: video.id,
          creatorId: video.creator_id,
          publishedAt: publishedAt(video),
        });
      }
    },
  );
}
