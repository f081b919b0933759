import type { Executor } from '../../platform/db/transaction.ts';

/** The fan-out batch: one multi-row insert or one Redis pipeline per thousand subscribers. */
export const FANOUT_BATCH_SIZE = 1000;

/**
 * Walks a channel's subscribers in batches along the (channel_id, seq) index, newest first. A
 * subscriber who joins mid-walk is covered by the subscribe backfill instead. Shared by the feed
 * fan-out and the new-video notifications, which walk only subscribers with notifications on.
 */
export async function forEachSubscriberBatch(
  db: Executor,
  channelId: string,
  visit: (userIds: string[]) => Promise<void>,
  batchSize = FANOUT_BATCH_SIZE,
  filter: { notificationsEnabledOnly?: boolean } = {},
): Promise<number> {
  let total = 0;
  let beforeSeq: number | undefined;
  for (;;) {
    let query = db.selectFrom('subscriptions').select(['subscriber_id', 'seq']).where('channel_id', '=', channelId);
    if (filter.notificationsEnabledOnly) query = query.where('notifications_enabled', '=', true);
    if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
    const batch = await query.orderBy('seq', 'desc').limit(batchSize).execute();
    if (batch.length === 0) return total;
    await visit(batch.map((row) => row.subscriber_id));
    total += batch.length;
    if (batch.length < batchSize) return total;
    beforeSeq = Number(batch.at(-1)!.seq);
  }
}

/** The channel's stored subscriber count (a missing stats row means none). */
export async function subscriberCount(db: Executor, channelId: string): Promise<number> {
  const stats = await db.selectFrom('channel_stats').select('subscriber_count').where('user_id', '=', channelId).executeTakeFirst();
  return stats?.subscriber_count ?? 0;
}

/** A channel with more subscribers than the threshold is read by pull, never fanned out. */
export async function isCelebrity(db: Executor, channelId: string, threshold: number): Promise<boolean> {
  return (await subscriberCount(db, channelId)) > threshold;
}
