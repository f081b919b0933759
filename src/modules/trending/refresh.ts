import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { TrendingStore } from './trending-store.ts';
import { ACTIVITY_RETENTION_SECONDS, TRENDING_WINDOWS, type TrendingWindow } from './windows.ts';

export interface RefreshSummary {
  /** Windows this run recomputed (a window another process was refreshing is skipped). */
  refreshed: TrendingWindow[];
  prunedBuckets: number;
  durationMs: number;
}

/** Recomputes every window's ranking from the activity buckets and drops buckets no window reads any more. */
export async function refreshTrending(db: Kysely<DB>, store: TrendingStore): Promise<RefreshSummary> {
  const started = performance.now();
  const refreshed: TrendingWindow[] = [];
  for (const window of TRENDING_WINDOWS) {
    if (await store.refresh(window)) refreshed.push(window);
  }
  const pruned =
    await sql`delete from trending_activity where bucket < now() - make_interval(secs => ${ACTIVITY_RETENTION_SECONDS})`.execute(
      db,
    );
  return {
    refreshed,
    prunedBuckets: Number(pruned.numAffectedRows ?? 0),
    durationMs: Math.round(performance.now() - started),
  };
}
