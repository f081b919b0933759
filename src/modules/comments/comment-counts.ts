import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Recomputes every comment's reply_count and like_count, and every video's comment_count, from the rows:
 * the counters are projections and can always be rebuilt (e.g. after rows were edited by hand). Comment
 * and like writes wait while it counts, so nothing is missed or counted twice; two rebuilds queue.
 * "Counted" is visibility.ts' isCounted in SQL: neither deleted nor hidden.
 * Resolves with how many comments and videos were corrected; meant for `streamhub rebuild`.
 */
export function rebuildCommentCounts(db: Kysely<DB>): Promise<{ comments: number; videos: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table comments in share row exclusive mode`.execute(trx);
    await sql`lock table comment_likes in share mode`.execute(trx);
    const comments = await sql`with counts as (
        select c.id,
          (select count(*) from comments r where r.parent_id = c.id and r.deleted_at is null and r.hidden_at is null)::int as replies,
          (select count(*) from comment_likes l where l.comment_id = c.id)::int as likes
        from comments c
      )
      update comments set reply_count = counts.replies, like_count = counts.likes from counts
      where comments.id = counts.id and (comments.reply_count <> counts.replies or comments.like_count <> counts.likes)`.execute(
      trx,
    );
    const videos = await sql`with counts as (
        select v.id, (select count(*) from comments c where c.video_id = v.id and c.deleted_at is null and c.hidden_at is null)::int as n
        from videos v
      )
      update videos set comment_count = counts.n from counts
      where videos.id = counts.id and videos.comment_count <> counts.n`.execute(trx);
    return { comments: Number(comments.numAffectedRows ?? 0), videos: Number(videos.numAffectedRows ?? 0) };
  });
}
