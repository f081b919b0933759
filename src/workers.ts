import type { JobHandler } from './platform/jobs/job-queue.ts';
import type { Platform } from './platform/platform.ts';
import type { Services } from './modules/services.ts';
import { DELETE_VIDEO_OBJECTS_JOB, HOUSEKEEPING_QUEUE, TRANSCODE_QUEUE } from './modules/videos/job-queues.ts';
import { createDeleteVideoObjectsHandler, createProcessVideoHandler } from './modules/videos/jobs.ts';
import { createProcessVideoDeadLetterHook } from './modules/videos/dead-letter.ts';
import {
  createRefreshTrendingHandler,
  REFRESH_TRENDING_JOB,
  scheduleTrendingRefresh,
} from './modules/trending/jobs.ts';
import { subscribeCommentActivity } from './modules/trending/comment-activity.ts';
import {
  createFanOutHandler,
  createFeedRemovalHandler,
  FAN_OUT_VIDEO_JOB,
  FEEDS_QUEUE,
  REMOVE_VIDEO_FROM_FEEDS_JOB,
} from './modules/feeds/jobs.ts';
import { subscribeFeedConsumers } from './modules/feeds/consumers.ts';
import {
  createPruneHistoryHandler,
  PRUNE_HISTORY_JOB,
  scheduleHistoryPruning,
} from './modules/housekeeping/retention.ts';
import { subscribeAutoModeration } from './modules/moderation/auto-consumers.ts';
import { startImageModerationWorkers } from './modules/moderation/image-jobs.ts';
import { subscribeCommentLanguages } from './modules/translation/consumers.ts';
import { startIntelligenceWorkers } from './modules/intelligence/workers.ts';
import { subscribeRecommendationConsumers } from './modules/recommendations/consumers.ts';
import { subscribeCacheInvalidation } from './platform/cache/cache-invalidation.ts';
import { subscribeEdgePurgeFromConfig } from './platform/edge/edge-purge.ts';
import { ANALYTICS_QUEUE, analyticsJobHandlers, startAnalyticsWorkers } from './modules/analytics/jobs.ts';

/** A queue has one consumer per process, so a queue that several features share dispatches on the job's name. */
function byJobName(handlers: Record<string, JobHandler<never>>): JobHandler<unknown> {
  return async (job) => {
    const handler = handlers[job.name] as JobHandler<unknown> | undefined;
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${job.queue}`);
    return handler(job);
  };
}

/** The workers a process runs; stop() lets running jobs hand back and flushes the buffered counters. */
export interface RunningWorkers {
  stop(): Promise<void>;
}

/**
 * Registers every job handler on the platform's queue. `serve` calls this in embedded mode
 * (workers in-process, with the same services as the HTTP app); `streamhub worker` calls it in
 * scale-out mode.
 */
export function startWorkers(platform: Platform, services: Services): RunningWorkers {
  const { jobs, events, config } = platform;
  jobs.process(TRANSCODE_QUEUE, createProcessVideoHandler(platform), {
    concurrency: config.jobs.transcodeConcurrency,
    deadLetter: createProcessVideoDeadLetterHook({
      db: platform.database.db,
      storage: platform.storage,
      pubsub: platform.pubsub,
      logger: platform.logger,
    }),
  });
  jobs.process(
    HOUSEKEEPING_QUEUE,
    byJobName({
      [DELETE_VIDEO_OBJECTS_JOB]: createDeleteVideoObjectsHandler(platform),
      [REFRESH_TRENDING_JOB]: createRefreshTrendingHandler(platform, services.trendingStore),
      [PRUNE_HISTORY_JOB]: createPruneHistoryHandler(platform),
    }),
  );
  jobs.process(ANALYTICS_QUEUE, byJobName(analyticsJobHandlers(platform)));
  jobs.process(services.courses.queue, byJobName(services.courses.jobHandlers as Record<string, JobHandler<never>>));
  jobs.process(
    FEEDS_QUEUE,
    byJobName({
      [FAN_OUT_VIDEO_JOB]: createFanOutHandler(services.feeds),
      [REMOVE_VIDEO_FROM_FEEDS_JOB]: createFeedRemovalHandler(services.feeds),
    }),
  );
  subscribeCommentActivity(platform);
  subscribeFeedConsumers(platform, services.feeds);
  startIntelligenceWorkers(platform, services.ai);
  // Buffered likes/views reach the database from here (Redis counters are shared by every process).
  services.engagementFlusher.start();
  subscribeAutoModeration(events, services.autoAssessor);
  startImageModerationWorkers(platform);
  subscribeCommentLanguages(events, services.translations);
  services.notifications.startWorkers();
  services.booking.startWorkers();
  startAnalyticsWorkers(platform, services.analytics);
  subscribeRecommendationConsumers(events, platform.database.db);
  if (config.cache.responses) subscribeCacheInvalidation(events, platform.responseCache);
  subscribeEdgePurgeFromConfig(platform);
  // After every consumer has subscribed: events start flowing only to the full set.
  events.start();
  // Recurring work: each worker start (re)schedules the next slot; duplicates collapse into one job.
  for (const schedule of [
    scheduleTrendingRefresh,
    scheduleHistoryPruning,
    () => services.notifications.scheduleDigest(),
    () => services.booking.scheduleSweep(),
  ]) {
    void schedule(platform).catch((error: unknown) =>
      platform.logger.warn({ err: error }, 'scheduling recurring work failed; the next worker start retries'),
    );
  }
  platform.logger.info('job workers started');
  return {
    // Consumers first (a running job or event handler may still add counter deltas), then the last flushes,
    // all while the database is still open.
    stop: async () => {
      await platform.jobs.close();
      await events.close();
      await services.engagementFlusher.stop();
      await services.analytics.flusher.stop();
    },
  };
}
