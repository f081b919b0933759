import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { processOnce, type EventBus } from '../../platform/events/event-bus.ts';
import { LIKE_CREATED, type LikeEventPayload } from '../likes/events.ts';
import { WATCH_RECORDED, type WatchRecordedPayload } from '../views/events.ts';
import { cowatch } from './cowatch.ts';
import { recommendationRepo } from './repo.ts';

export const COWATCH_CONSUMER = 'recommendations-cowatch';
export const CACHE_CONSUMER = 'recommendations-cache';

/**
 * Keeps recommendations current: a finished video is counted into the co-watch pairs (exactly once,
 * with the event's processed mark in the same transaction), and a viewer's cached list is dropped when
 * they start a new video, finish one or like one, so their next "For you" reflects it.
 */
export function subscribeRecommendationConsumers(events: EventBus, db: Kysely<DB>): void {
  events.subscribe<WatchRecordedPayload>(COWATCH_CONSUMER, [WATCH_RECORDED], async (event) => {
    const { userId, videoId, completed } = event.payload;
    if (!completed) return;
    await processOnce(db, COWATCH_CONSUMER, event, async (trx) => {
      await cowatch.countCompletion(trx, userId, videoId);
    });
  });
  events.subscribe<WatchRecordedPayload | LikeEventPayload>(
    CACHE_CONSUMER,
    [WATCH_RECORDED, LIKE_CREATED],
    async (event) => {
      await recommendationRepo.dropCache(db, event.payload.userId);
    },
  );
}
