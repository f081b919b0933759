import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import { recurringHandler, scheduleRecurring, type SlotPayload } from '../../platform/jobs/recurring.ts';
import type { Platform } from '../../platform/platform.ts';
import { pruneIdempotencyKeys } from '../../platform/idempotency/idempotency.ts';
import { HOUSEKEEPING_QUEUE } from '../videos/job-queues.ts';

export const PRUNE_HISTORY_JOB = 'prune-history';
const EVERY_SECONDS = 3600;
const DAY_MS = 86_400_000;

/** How long bookkeeping rows are kept: long enough to debug and to answer retries, short enough to stay small. */
export const RETENTION = {
  completedJobsMs: 7 * DAY_MS,
  deliveredEventsMs: 7 * DAY_MS,
  idempotencyKeysMs: DAY_MS,
};

/** Deletes what only bookkeeping needed: finished jobs, relayed-and-processed events, expired Idempotency-Keys. */
export interface PruneSummary {
  jobs: number;
  outboxEvents: number;
  processedMarks: number;
  idempotencyKeys: number;
}

export async function pruneHistory(platform: Pick<Platform, 'database' | 'jobs' | 'events'>): Promise<PruneSummary> {
  const jobs = await platform.jobs.pruneCompleted(RETENTION.completedJobsMs);
  const events = await platform.events.prune(RETENTION.deliveredEventsMs);
  const idempotencyKeys = await pruneIdempotencyKeys(platform.database.db, RETENTION.idempotencyKeysMs);
  return { jobs, outboxEvents: events.outbox, processedMarks: events.processed, idempotencyKeys };
}

export function scheduleHistoryPruning(platform: Pick<Platform, 'jobs'>): Promise<{ id: string }> {
  return scheduleRecurring(platform.jobs, HOUSEKEEPING_QUEUE, PRUNE_HISTORY_JOB, EVERY_SECONDS);
}

export function createPruneHistoryHandler(
  platform: Pick<Platform, 'database' | 'jobs' | 'events' | 'logger'>,
): JobHandler<SlotPayload> {
  return recurringHandler(platform.jobs, HOUSEKEEPING_QUEUE, PRUNE_HISTORY_JOB, EVERY_SECONDS, async () => {
    platform.logger.info(await pruneHistory(platform), 'old jobs, events and idempotency keys pruned');
  });
}
