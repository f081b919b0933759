import type { JobHandler } from './platform/jobs/job-queue.ts';
import type { Platform } from './platform/platform.ts';
import { DELETE_VIDEO_OBJECTS_JOB, HOUSEKEEPING_QUEUE, TRANSCODE_QUEUE } from './modules/videos/job-queues.ts';
import { createDeleteVideoObjectsHandler, createProcessVideoHandler } from './modules/videos/jobs.ts';
import { engagementFlusherFor } from './modules/views/engagement-flusher.ts';
import { subscribeAutoModeration } from './modules/moderation/auto-consumers.ts';
import { subscribeCommentLanguages } from './modules/translation/consumers.ts';
import { startIntelligenceWorkers } from './modules/intelligence/workers.ts';

/** A queue has one consumer per process, so a queue that several features share dispatches on the job's name. */
function byJobName(handlers: Record<string, JobHandler<never>>): JobHandler<unknown> {
  return async (job) => {
    const handler = handlers[job.name] as JobHandler<unknown> | undefined;
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${job.queue}`);
    return handler(job);
  };
}

/**
 * Registers every job handler on the platform's queue. `serve` calls this in embedded mode
 * (workers in-process); `streamhub worker` calls it in scale-out mode.
 */
export function startWorkers(platform: Platform): void {
  const { jobs, config } = platform;
  jobs.process(TRANSCODE_QUEUE, createProcessVideoHandler(platform), { concurrency: config.jobs.transcodeConcurrency });
  jobs.process(HOUSEKEEPING_QUEUE, byJobName({
    [DELETE_VIDEO_OBJECTS_JOB]: createDeleteVideoObjectsHandler(platform),
  }));
  startIntelligenceWorkers(platform);
  // Buffered likes/views reach the database from here (Redis counters are shared by every process).
  engagementFlusherFor(platform).start();
  subscribeAutoModeration(platform);
  subscribeCommentLanguages(platform);
  // After every consumer has subscribed: events start flowing only to the full set.
  platform.events.start();
  platform.logger.info('job workers started');
}
