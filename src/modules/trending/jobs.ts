import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import { recurringHandler, scheduleRecurring, type SlotPayload } from '../../platform/jobs/recurring.ts';
import type { Platform } from '../../platform/platform.ts';
import type { TrendingStore } from './trending-store.ts';
import { HOUSEKEEPING_QUEUE } from '../videos/job-queues.ts';
import { refreshTrending } from './refresh.ts';

export const REFRESH_TRENDING_JOB = 'refresh-trending';

/** Starts (or continues) the chain of trending refreshes, one every `trending.refreshSeconds`. */
export function scheduleTrendingRefresh(platform: Pick<Platform, 'jobs' | 'config'>): Promise<{ id: string }> {
  return scheduleRecurring(
    platform.jobs,
    HOUSEKEEPING_QUEUE,
    REFRESH_TRENDING_JOB,
    platform.config.trending.refreshSeconds,
  );
}

export function createRefreshTrendingHandler(
  platform: Pick<Platform, 'jobs' | 'config' | 'logger' | 'database'>,
  store: TrendingStore,
): JobHandler<SlotPayload> {
  return recurringHandler(
    platform.jobs,
    HOUSEKEEPING_QUEUE,
    REFRESH_TRENDING_JOB,
    platform.config.trending.refreshSeconds,
    async () => {
      platform.logger.info(await refreshTrending(platform.database.db, store), 'trending refreshed');
    },
  );
}
