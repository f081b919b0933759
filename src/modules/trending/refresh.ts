import { sql } from 'kysely';
import { perPlatform } from '../../platform/per-platform.ts';
import type { Platform } from '../../platform/platform.ts';
import { createTrendingStore, type TrendingStore } from './trending-store.ts';
import { ACTIVITY_RETENTION_SECONDS, TRENDING_WINDOWS, type TrendingWindow } from './windows.ts';

export interface RefreshSummary {
  /** Windows this run recomputed (a window another process was refreshing is skipped). */
  refreshed: TrendingWindow[];
  prunedBuckets: number;
  durationMs: number;
}

/** The platform's one trending store (the read path and the refresh share it). */
export const trendingStoreFor = perPlatform<TrendingStore>(createTrendingStore);

/** Recomputes every window's ranking from the activity buckets and drops buckets no window reads any more. */
export async function refreshTrending(platform: Platform): Promise<RefreshSummary> {
  const started = performance.now();
  const store = trendingStoreFor(platform);
  const refreshed: TrendingWindow[] = [];
  for (const window of TRENDING_WINDOWS) {
    if (await store.refresh(window)) refreshed.push(window);
  }
  const pruned = await sql`delete from trending_activity where bucket < now() - make_interval(secs => ${ACTIVITY_RETENTION_SECONDS})`
    .execute(platform.database.db);
  return { refreshed, prunedBuckets: Number(pruned.numAffectedRows ?? 0), durationMs: Math.round(performance.now() - started) };
}
