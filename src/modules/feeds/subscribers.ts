import type { Executor } from '../../platform/db/transaction.ts';
import { subscriberQueries } from '../subscriptions/subscriber-queries.ts';

/** The fan-out batch: one multi-row insert or one Redis pipeline per thousand subscribers. */
export const FANOUT_BATCH_SIZE = 1000;

/** A channel's subscribers, a batch at a time (the subscriptions module owns them). */
export function forEachSubscriberBatch(
  db: Executor,
  channelId: string,
  visit: (userIds: string[]) => Promise<void>,
  batchSize = FANOUT_BATCH_SIZE,
): Promise<number> {
  return subscriberQueries.forEachBatch(db, channelId, batchSize, visit);
}

/** The channel's stored subscriber count (a missing stats row means none). */
export function subscriberCount(db: Executor, channelId: string): Promise<number> {
  return subscriberQueries.count(db, channelId);
}

/** A channel with more subscribers than the threshold is read by pull, never fanned out. */
export async function isCelebrity(db: Executor, channelId: string, threshold: number): Promise<boolean> {
  return (await subscriberCount(db, channelId)) > threshold;
}
