import { sql, type Kysely } from 'kysely';
import type { CounterProjection } from '../../platform/counters/counter-flusher.ts';
import type { CounterDeltas, HotCounters } from '../../platform/counters/hot-counters.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addToTrendingActivity } from '../trending/activity-sql.ts';
import { addToVideoCounter } from '../views/counter-deltas-sql.ts';

export const LIKES_COUNTER = 'likes';

/** Buffered like/unlike deltas into videos.like_count and trending activity. */
export const likeCountProjection: CounterProjection = {
  counter: LIKES_COUNTER,
  apply: (db, deltas) =>
    db.transaction().execute(async (trx) => {
      await addToVideoCounter(trx, 'like_count', deltas);
      await addToTrendingActivity(trx, 'likes', deltas);
    }),
};

/**
 * Recomputes every videos.like_count from the like rows (derived data is rebuildable), e.g. after a
 * crash lost buffered deltas. Like writes are blocked while it counts, and the buffered deltas are
 * discarded in that same moment, since the rows already contain them. Resolves with how many videos
 * were corrected. Only a like written between its row insert and its counter increment at that very
 * instant can still be counted twice; run it again when traffic is quiet to be exact.
 */
export async function rebuildLikeCounts(db: Kysely<DB>, counters: HotCounters): Promise<number> {
  let discarded: CounterDeltas | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`lock table likes in share mode`.execute(trx);
      discarded = await counters.drain(LIKES_COUNTER);
      const result = await sql`with counts as (
          select videos.id, count(likes.video_id)::int as likes
          from videos left join likes on likes.video_id = videos.id group by videos.id
        )
        update videos set like_count = counts.likes from counts
        where videos.id = counts.id and videos.like_count <> counts.likes`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    });
  } catch (error) {
    if (discarded) await counters.restore(LIKES_COUNTER, discarded);
    throw error;
  }
}
