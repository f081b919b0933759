import type { Executor } from '../../platform/db/transaction.ts';

/** Like rows are the truth; the primary key (comment, user) makes liking twice one like. */
export const commentLikeRepo = {
  /** True when this call created the like. */
  async insert(db: Executor, commentId: string, userId: string): Promise<boolean> {
    const inserted = await db.insertInto('comment_likes').values({ comment_id: commentId, user_id: userId })
      .onConflict((conflict) => conflict.columns(['comment_id', 'user_id']).doNothing())
      .returning('comment_id').executeTakeFirst();
    return inserted !== undefined;
  },

  /** True when this call removed a like. */
  async delete(db: Executor, commentId: string, userId: string): Promise<boolean> {
    const deleted = await db.deleteFrom('comment_likes').where('comment_id', '=', commentId).where('user_id', '=', userId)
      .returning('comment_id').executeTakeFirst();
    return deleted !== undefined;
  },
};
