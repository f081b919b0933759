import type { Executor } from '../../platform/db/transaction.ts';

/** Per-video comment settings; a video without a row has comments on. */
export const commentSettingsRepo = {
  async commentsEnabled(db: Executor, videoId: string): Promise<boolean> {
    const row = await db
      .selectFrom('video_comment_settings')
      .select('comments_enabled')
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return row?.comments_enabled ?? true;
  },

  async setCommentsEnabled(db: Executor, videoId: string, enabled: boolean): Promise<void> {
    await db
      .insertInto('video_comment_settings')
      .values({ video_id: videoId, comments_enabled: enabled })
      .onConflict((conflict) =>
        conflict.column('video_id').doUpdateSet({ comments_enabled: enabled, updated_at: new Date() }),
      )
      .execute();
  },
};
