import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';

export interface ChannelCounts {
  subscriberCount: number;
  subscriptionCount: number;
}

interface CounterChange {
  userId: string;
  subscribers: number;
  subscriptions: number;
}

export const channelStatsRepo = {
  /**
   * Applies one subscription's +1/-1 to the channel's subscriber count and the subscriber's
   * subscription count, inside the transaction that inserted or deleted the row, so the counters
   * equal the rows at every commit. The two counter rows are locked in id order: A subscribing to B
   * while B subscribes to A then queue on the same row instead of deadlocking. Callers make this the
   * last write before commit: a popular channel's row is a hot spot, and its lock lasts until then.
   * Answers the channel's new subscriber count.
   */
  async applySubscription(db: Executor, subscriberId: string, channelId: string, delta: 1 | -1): Promise<number> {
    const changes: CounterChange[] = [
      { userId: subscriberId, subscribers: 0, subscriptions: delta },
      { userId: channelId, subscribers: delta, subscriptions: 0 },
    ].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    let subscriberCount = 0;
    for (const change of changes) {
      const row = await db
        .insertInto('channel_stats')
        .values({
          user_id: change.userId,
          subscriber_count: Math.max(change.subscribers, 0),
          subscription_count: Math.max(change.subscriptions, 0),
        })
        .onConflict((conflict) =>
          conflict.column('user_id').doUpdateSet({
            subscriber_count: sql<number>`channel_stats.subscriber_count + ${change.subscribers}`,
            subscription_count: sql<number>`channel_stats.subscription_count + ${change.subscriptions}`,
          }),
        )
        .returning('subscriber_count')
        .executeTakeFirstOrThrow();
      if (change.userId === channelId) subscriberCount = row.subscriber_count;
    }
    return subscriberCount;
  },

  async read(db: Executor, userId: string): Promise<ChannelCounts> {
    const row = await db
      .selectFrom('channel_stats')
      .select(['subscriber_count', 'subscription_count'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return { subscriberCount: row?.subscriber_count ?? 0, subscriptionCount: row?.subscription_count ?? 0 };
  },

  /**
   * Recomputes every counter from the subscription rows (the projection's rebuild). The table lock
   * makes concurrent subscribes wait at their counter update, so each one is counted exactly once:
   * in the rebuilt numbers if it committed first, by its own +1/-1 after the rebuild otherwise.
   */
  rebuild(db: Executor): Promise<void> {
    return inTransaction(db, async (trx) => {
      await sql`lock table channel_stats in share row exclusive mode`.execute(trx);
      await sql`
        with counts as (
          select users.id as user_id,
            (select count(*) from subscriptions where channel_id = users.id)::int as subscriber_count,
            (select count(*) from subscriptions where subscriber_id = users.id)::int as subscription_count
          from users
        )
        insert into channel_stats (user_id, subscriber_count, subscription_count)
        select user_id, subscriber_count, subscription_count from counts
        on conflict (user_id) do update
          set subscriber_count = excluded.subscriber_count, subscription_count = excluded.subscription_count`.execute(
        trx,
      );
    });
  },
};
