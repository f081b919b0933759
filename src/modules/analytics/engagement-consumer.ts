import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { processOnce, type DomainEvent, type EventBus } from '../../platform/events/event-bus.ts';
import type { Database } from '../../platform/db/database.ts';
import { COMMENT_CREATED, type CommentCreatedPayload } from '../comments/events.ts';
import { videoReports } from '../videos/video-report-queries.ts';
import { LIKE_CREATED, LIKE_DELETED, type LikeEventPayload } from '../likes/events.ts';
import { SUBSCRIPTION_CREATED, SUBSCRIPTION_DELETED, type SubscriptionEventPayload } from '../subscriptions/events.ts';

export const ANALYTICS_ENGAGEMENT_CONSUMER = 'analytics-engagement';

type Column = 'likes' | 'comments' | 'subscribers_gained' | 'subscribers_lost';

/** Adds `delta` to one engagement count in the hour the event happened (its outbox time, not its arrival). */
async function bump(
  trx: Executor,
  channelId: string,
  videoId: string | null,
  at: Date,
  column: Column,
  delta: number,
): Promise<void> {
  const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
  await sql`insert into analytics_engagement_hourly (channel_id, video_id, hour, ${sql.ref(column)})
    values (${channelId}, ${videoId}, ${hour}, ${delta})
    on conflict (channel_id, coalesce(video_id, '00000000-0000-0000-0000-000000000000'::uuid), hour)
    do update set ${sql.ref(column)} = analytics_engagement_hourly.${sql.ref(column)} + ${delta}`.execute(trx);
}

/**
 * Likes, comments and subscriptions reach analytics through the outbox (never from the player), each
 * exactly once: the count and the processed mark commit together (processOnce).
 */
export function subscribeAnalyticsEngagement(deps: { events: EventBus; database: Database }): void {
  const { db } = deps.database;
  const once = (event: DomainEvent<unknown>, work: (trx: Executor) => Promise<void>) =>
    processOnce(db, ANALYTICS_ENGAGEMENT_CONSUMER, event, work);

  deps.events.subscribe<LikeEventPayload | CommentCreatedPayload | SubscriptionEventPayload>(
    ANALYTICS_ENGAGEMENT_CONSUMER,
    [LIKE_CREATED, LIKE_DELETED, COMMENT_CREATED, SUBSCRIPTION_CREATED, SUBSCRIPTION_DELETED],
    async (event) => {
      await once(event, async (trx) => {
        switch (event.topic) {
          case LIKE_CREATED:
          case LIKE_DELETED: {
            const payload = event.payload as LikeEventPayload;
            await bump(
              trx,
              payload.creatorId,
              payload.videoId,
              event.createdAt,
              'likes',
              event.topic === LIKE_CREATED ? 1 : -1,
            );
            return;
          }
          case COMMENT_CREATED: {
            const payload = event.payload as CommentCreatedPayload;
            // Inside the transaction: on PGlite the one session is held by it, so a query beside it would wait forever.
            const creatorId = await videoReports.creatorOf(trx, payload.videoId);
            if (creatorId) await bump(trx, creatorId, payload.videoId, event.createdAt, 'comments', 1);
            return;
          }
          default: {
            const payload = event.payload as SubscriptionEventPayload;
            // Credited to the video it was made on when that is one of the channel's videos (a client
            // could name any video); otherwise to the channel alone. The channel's totals count both.
            const creditedVideo =
              payload.videoId && (await videoReports.creatorOf(trx, payload.videoId)) === payload.channelId
                ? payload.videoId
                : null;
            await bump(
              trx,
              payload.channelId,
              creditedVideo,
              event.createdAt,
              event.topic === SUBSCRIPTION_CREATED ? 'subscribers_gained' : 'subscribers_lost',
              1,
            );
          }
        }
      });
    },
  );
}
