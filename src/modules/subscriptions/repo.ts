import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { UserRow } from '../users/repo.ts';
import type { SubscriptionsTable } from './tables.ts';

export type SubscriptionRow = Selectable<SubscriptionsTable>;

/** One side of a subscription with the other side's account (a follower, or a followed channel). */
export type SubscriptionWithUser = UserRow &
  Pick<SubscriptionRow, 'seq' | 'notifications_enabled'> & { subscribed_at: Date };

type Side = 'channel_id' | 'subscriber_id';

/**
 * Newest first by insertion sequence. Joins `users` read-only (the users module owns it) for the
 * public profile of the other side.
 */
function listSide(
  db: Executor,
  side: Side,
  userId: string,
  limit: number,
  beforeSeq?: number,
): Promise<SubscriptionWithUser[]> {
  const other = side === 'channel_id' ? 'subscriptions.subscriber_id' : 'subscriptions.channel_id';
  let query = db
    .selectFrom('subscriptions')
    .innerJoin('users', 'users.id', other)
    .selectAll('users')
    .select(['subscriptions.seq', 'subscriptions.notifications_enabled', 'subscriptions.created_at as subscribed_at'])
    .where(`subscriptions.${side}`, '=', userId);
  if (beforeSeq !== undefined) query = query.where('subscriptions.seq', '<', beforeSeq);
  return query
    .orderBy('subscriptions.seq', 'desc')
    .limit(limit + 1)
    .execute();
}

export const subscriptionRepo = {
  /** The new row, or undefined when the subscription already existed (a concurrent twin waits, then skips). */
  insert(db: Executor, subscriberId: string, channelId: string): Promise<SubscriptionRow | undefined> {
    return db
      .insertInto('subscriptions')
      .values({ subscriber_id: subscriberId, channel_id: channelId })
      .onConflict((conflict) => conflict.columns(['subscriber_id', 'channel_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  /** True when a row was deleted; a concurrent twin waits on the row lock, then deletes nothing. */
  async delete(db: Executor, subscriberId: string, channelId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('subscriptions')
      .where('subscriber_id', '=', subscriberId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  find(db: Executor, subscriberId: string, channelId: string): Promise<SubscriptionRow | undefined> {
    return db
      .selectFrom('subscriptions')
      .selectAll()
      .where('subscriber_id', '=', subscriberId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
  },

  setNotifications(
    db: Executor,
    subscriberId: string,
    channelId: string,
    enabled: boolean,
  ): Promise<SubscriptionRow | undefined> {
    return db
      .updateTable('subscriptions')
      .set({ notifications_enabled: enabled })
      .where('subscriber_id', '=', subscriberId)
      .where('channel_id', '=', channelId)
      .returningAll()
      .executeTakeFirst();
  },

  /** Who subscribes to the channel; `limit + 1` rows tell the caller whether more follow. */
  listFollowers(db: Executor, channelId: string, limit: number, beforeSeq?: number): Promise<SubscriptionWithUser[]> {
    return listSide(db, 'channel_id', channelId, limit, beforeSeq);
  },

  /** Which channels the user subscribes to; `limit + 1` rows tell the caller whether more follow. */
  listFollowing(
    db: Executor,
    subscriberId: string,
    limit: number,
    beforeSeq?: number,
  ): Promise<SubscriptionWithUser[]> {
    return listSide(db, 'subscriber_id', subscriberId, limit, beforeSeq);
  },
};
