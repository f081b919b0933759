import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** See migrations/0030_notifications.sql. */
export interface NotificationsTable {
  id: Generated<string>;
  recipient_id: string;
  kind: string;
  group_key: string | null;
  actor_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  item_count: Generated<number>;
  position: ColumnType<string, never, never>;
  mail_pending: 'immediate' | 'digest' | null;
  read_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NotificationReceiptsTable {
  source_key: string;
  recipient_id: string;
  created_at: CreatedAt;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  delivery: 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';
  updated_at: Timestamp;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_receipts: NotificationReceiptsTable;
  notification_preferences: NotificationPreferencesTable;
}
