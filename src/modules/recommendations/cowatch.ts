import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';

/** How much of a viewer's recent history one finished video is paired with. */
const PAIRED_HISTORY = 50;

export interface CowatchCandidate {
  videoId: string;
  /** Viewers who watched `becauseOf` and finished this video: the strongest of the viewer's seeds. */
  viewers: number;
  becauseOf: string;
}

/**
 * Item-to-item co-watch counts: recommendation_cowatch(A, B) is how many viewers watched A and
 * finished B. Counted incrementally as each viewer finishes a video (the watch.recorded consumer),
 * paired with what they watched before it; `rebuildCowatch` recomputes it from the whole history.
 */
export const cowatch = {
  /**
   * Counts a viewer's finished video once: pairs it with their recent history. A second completion,
   * or the same event delivered twice, finds the viewer already counted and changes nothing.
   */
  async countCompletion(trx: Executor, userId: string, videoId: string): Promise<number> {
    const counted = await trx
      .insertInto('recommendation_cowatch_counted')
      .values({ user_id: userId, video_id: videoId })
      .onConflict((conflict) => conflict.columns(['user_id', 'video_id']).doNothing())
      .executeTakeFirst();
    if ((counted.numInsertedOrUpdatedRows ?? 0n) === 0n) return 0;
    const result = await sql`
      insert into recommendation_cowatch (video_id, other_video_id, viewers)
      select h.video_id, ${videoId}::uuid, 1
      from (select video_id from watch_history
            where user_id = ${userId} and video_id <> ${videoId}
            order by last_watched_at desc limit ${PAIRED_HISTORY}) h
      on conflict (video_id, other_video_id) do update set viewers = recommendation_cowatch.viewers + 1`.execute(trx);
    return Number(result.numAffectedRows ?? 0n);
  },

  /** The videos most often finished by viewers who watched any of `seeds`, best first, none of `exclude`. */
  async candidates(
    db: Executor,
    seeds: readonly string[],
    exclude: ReadonlySet<string>,
    limit: number,
  ): Promise<CowatchCandidate[]> {
    if (seeds.length === 0) return [];
    const rows = await db
      .selectFrom('recommendation_cowatch')
      .select(['video_id', 'other_video_id', 'viewers'])
      .where('video_id', 'in', seeds)
      .orderBy('viewers', 'desc')
      .limit(limit + exclude.size)
      .execute();
    const byVideo = new Map<string, CowatchCandidate>();
    for (const row of rows) {
      if (exclude.has(row.other_video_id)) continue;
      const known = byVideo.get(row.other_video_id);
      if (!known)
        byVideo.set(row.other_video_id, { videoId: row.other_video_id, viewers: row.viewers, becauseOf: row.video_id });
      else known.viewers += row.viewers;
    }
    return [...byVideo.values()].sort((a, b) => b.viewers - a.viewers).slice(0, limit);
  },
};

/**
 * Recomputes the co-watch counts from the whole watch history (after a seed or an import, where the
 * history was written without events): each finished video paired with what its viewer watched
 * before it, as the incremental count does.
 */
export async function rebuildCowatch(db: Executor): Promise<{ pairs: number; completions: number }> {
  return inTransaction(db, async (trx) => {
    await sql`delete from recommendation_cowatch`.execute(trx);
    await sql`delete from recommendation_cowatch_counted`.execute(trx);
    const completions = await sql`
      insert into recommendation_cowatch_counted (user_id, video_id)
      select user_id, video_id from watch_history where completed`.execute(trx);
    const pairs = await sql`
      insert into recommendation_cowatch (video_id, other_video_id, viewers)
      select watched.video_id, finished.video_id, count(*)::int
      from watch_history finished
      join watch_history watched on watched.user_id = finished.user_id and watched.video_id <> finished.video_id
        and watched.last_watched_at <= finished.last_watched_at
      where finished.completed
      group by watched.video_id, finished.video_id`.execute(trx);
    return { pairs: Number(pairs.numAffectedRows ?? 0n), completions: Number(completions.numAffectedRows ?? 0n) };
  });
}
