import { sql } from 'kysely';
import { processOnce } from '../../platform/events/event-bus.ts';
import type { Platform } from '../../platform/platform.ts';
import { COMMENT_CREATED, type CommentCreatedPayload } from '../comments/events.ts';
import { BUCKET_SECONDS } from './activity-sql.ts';

const CONSUMER = 'trending-comments';

/**
 * New comments count towards trending in the bucket of the moment they were written (not when the
 * event arrives), exactly once per comment: the bucket increment and the processed mark commit together.
 */
export function subscribeCommentActivity(platform: Pick<Platform, 'database' | 'events'>): void {
  const { db } = platform.database;
  platform.events.subscribe<CommentCreatedPayload>(CONSUMER, [COMMENT_CREATED], async (event) => {
    await processOnce(db, CONSUMER, event, async (trx) => {
      const bucket = new Date(Math.floor(event.createdAt.getTime() / (BUCKET_SECONDS * 1000)) * BUCKET_SECONDS * 1000);
      await sql`insert into trending_activity (video_id, bucket, comments)
        select id, ${bucket}, 1 from videos where id = ${event.payload.videoId}
        on conflict (video_id, bucket) do update set comments = trending_activity.comments + 1`.execute(trx);
    });
  });
}
