import type { Executor } from '../../platform/db/transaction.ts';

/**
 * Like rows are the truth; the primary key (comment, user) makes liking twice one like. The row and
 * like_count change in one statement (see comment-state.ts for why one statement).
 */
export const commentLikeRepo = {
  /** The new like count, or undefined when the user already liked the comment. */
  async add(db: Executor, commentId: string, userId: string): Promise<number | undefined> {
    const row = await db
      .with('added', (cte) =>
        cte
          .insertInto('comment_likes')
          .values({ comment_id: commentId, user_id: userId })
          .onConflict((conflict) => conflict.columns(['comment_id', 'user_id']).doNothing())
          .returning('comment_id'),
      )
      .updateTable('comments')
      .set((eb) => ({ like_count: eb('like_count', '+', 1) }))
      .where('id', '=', (eb) => eb.selectFrom('added').select('comment_id'))
      .returning('like_count')
      .executeTakeFirst();
    return row?.like_count;
  },

  /** The new like count, or undefined when the user did not like the comment. */
  async remove(db: Executor, commentId: string, userId: string): Promise<number | undefined> {
    const row = await db
      .with('removed', (cte) =>
        cte
          .deleteFrom('comment_likes')
          .where('comment_id', '=', commentId)
          .where('user_id', '=', userId)
          .returning('comment_id'),
      )
      .updateTable('comments')
      .set((eb) => ({ like_count: eb('like_count', '-', 1) }))
      .where('id', '=', (eb) => eb.selectFrom('removed').select('comment_id'))
      .returning('like_count')
      .executeTakeFirst();
    return row?.like_count;
  },
};
