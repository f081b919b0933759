import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface SubscriptionsTable {
  subscriber_id: string;
  channel_id: string;
  notifications_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  seq: ColumnType<number, never, never>;
  created_at: CreatedAt;
}

/** Derived follower/following counters per user; a missing row means zero. */
export interface ChannelStatsTable {
  user_id: string;
  subscriber_count: Generated<number>;
  subscription_count: Generated<number>;
}

export interface SubscriptionTables {
  subscriptions: SubscriptionsTable;
  channel_stats: ChannelStatsTable;
}
