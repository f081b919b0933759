import type { FastifyInstance } from 'fastify';
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import { recurringHandler, scheduleRecurring, type SlotPayload } from '../../platform/jobs/recurring.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Analytics } from './analytics-module.ts';
import type { IngestFlusher } from './ingest-flusher.ts';
import { subscribeAnalyticsEngagement } from './engagement-consumer.ts';
import { maintainPartitions } from './partitions.ts';
import { runAnalyticsRollup } from './rollup.ts';

/** Analytics work has its own queue so a long rollup never holds up housekeeping (video object removal). */
export const ANALYTICS_QUEUE = 'analytics';

export const ANALYTICS_ROLLUP_JOB = 'analytics-rollup';
export const ANALYTICS_PARTITIONS_JOB = 'analytics-partitions';
const PARTITIONS_PERIOD_SECONDS = 3600;

function rollupHandler(platform: Platform): JobHandler<SlotPayload> {
  return recurringHandler(
    platform.jobs,
    ANALYTICS_QUEUE,
    ANALYTICS_ROLLUP_JOB,
    platform.config.analytics.rollupSeconds,
    async () => {
      const result = await runAnalyticsRollup(platform.database.db);
      if (result.hours) platform.logger.debug(result, 'analytics rolled up');
    },
  );
}

function partitionsHandler(platform: Platform): JobHandler<SlotPayload> {
  return recurringHandler(
    platform.jobs,
    ANALYTICS_QUEUE,
    ANALYTICS_PARTITIONS_JOB,
    PARTITIONS_PERIOD_SECONDS,
    async () => {
      const result = await maintainPartitions(platform.database.db, platform.config.analytics.rawRetentionDays);
      if (result.created.length || result.dropped.length)
        platform.logger.info(result, 'analytics partitions maintained');
    },
  );
}

/** The handlers this module adds to the housekeeping queue (workers.ts dispatches on the job name). */
export function analyticsJobHandlers(platform: Platform): Record<string, JobHandler<never>> {
  return { [ANALYTICS_ROLLUP_JOB]: rollupHandler(platform), [ANALYTICS_PARTITIONS_JOB]: partitionsHandler(platform) };
}

/**
 * Worker-side start: the ingest flusher, the outbox consumer and the recurring rollup and partition
 * jobs (partitions are also made right away, so the first events never wait for the first slot).
 */
export function startAnalyticsWorkers(platform: Platform, analytics: Analytics): void {
  analytics.flusher.start();
  subscribeAnalyticsEngagement(platform);
  const warn = (error: unknown) =>
    platform.logger.warn({ err: error }, 'analytics scheduling failed; the next worker start retries');
  void maintainPartitions(platform.database.db, platform.config.analytics.rawRetentionDays).catch(warn);
  void scheduleRecurring(
    platform.jobs,
    ANALYTICS_QUEUE,
    ANALYTICS_ROLLUP_JOB,
    platform.config.analytics.rollupSeconds,
  ).catch(warn);
  void scheduleRecurring(platform.jobs, ANALYTICS_QUEUE, ANALYTICS_PARTITIONS_JOB, PARTITIONS_PERIOD_SECONDS).catch(
    warn,
  );
}

/**
 * In-memory buffers can only be flushed by the process that fills them: an API with neither in-process
 * workers nor Redis flushes its own. Closing the app writes what is left before the database closes.
 */
export async function analyticsFlushingPlugin(
  app: FastifyInstance,
  { platform, flusher }: { platform: Platform; flusher: IngestFlusher },
) {
  if (!platform.redis && !platform.config.workersInProcess) app.addHook('onReady', async () => flusher.start());
  app.addHook('onClose', async () => flusher.stop());
}
