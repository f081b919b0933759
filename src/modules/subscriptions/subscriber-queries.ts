import type { Executor } from '../../platform/db/transaction.ts';

/**
 * Public, read-only queries of the subscriptions module for the feeds and notifications modules: who
 * follows a channel (walked in batches for the fan-outs; notifications walk only those with them on), how many, and whom a reader follows.
 */
export const subscriberQueries = {
  /**
   * Walks a channel's subscribers in batches along the (channel_id, seq) index, newest first. A
   * subscriber who joins mid-walk is covered by the subscribe backfill instead.
   */
  async forEachBatch(
    db: Executor,
    channelId: string,
    batchSize: number,
    visit: (userIds: string[]) => Promise<void>,
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
  },

  /** The channel's stored subscriber count (a missing stats row means none). */
  async count(db: Executor, channelId: string): Promise<number> {
    const stats = await db
      .selectFrom('channel_stats')
      .select('subscriber_count')
      .where('user_id', '=', channelId)
      .executeTakeFirst();
    return stats?.subscriber_count ?? 0;
  },

  /** The channels a user follows, each with its subscriber count (null when it has no stats row yet). */
  following(db: Executor, userId: string): Promise<{ channel_id: string; subscriber_count: number | null }[]> {
    return db
      .selectFrom('subscriptions')
      .leftJoin('channel_stats', 'channel_stats.user_id', 'subscriptions.channel_id')
      .select(['subscriptions.channel_id', 'channel_stats.subscriber_count'])
      .where('subscriptions.subscriber_id', '=', userId)
      .execute();
  },
};
