import type { JobHandler, JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { HOUSEKEEPING_QUEUE } from '../videos/job-queues.ts';
import { refreshTrending } from './refresh.ts';

export const REFRESH_TRENDING_JOB = 'refresh-trending';

interface RefreshPayload { slot: number }

/**
 * Trending refreshes as a chain of delayed jobs, one per time slot: each run schedules the next. The
 * slot in the dedupe key makes every worker's "schedule the next one" collapse into a single job,
 * and the chain survives restarts because each worker (re)schedules the coming slot when it starts.
 */
export function scheduleTrendingRefresh(jobs: JobQueue, refreshSeconds: number, now = Date.now()): Promise<{ id: string }> {
  const periodMs = refreshSeconds * 1000;
  const slot = Math.floor(now / periodMs) + 1;
  return jobs.enqueue<RefreshPayload>(HOUSEKEEPING_QUEUE, REFRESH_TRENDING_JOB, { slot }, {
    priority: 'normal',
    attempts: 1,
    timeoutMs: periodMs,
    delayMs: Math.max(0, slot * periodMs - now),
    dedupeKey: `trending-refresh:${slot}`,
  });
}

export function createRefreshTrendingHandler(platform: Platform): JobHandler<RefreshPayload> {
  const { config, jobs, logger } = platform;
  return async () => {
    try {
      const summary = await refreshTrending(platform);
      logger.info(summary, 'trending refreshed');
    } finally {
      await scheduleTrendingRefresh(jobs, config.trending.refreshSeconds);
    }
  };
}
