import type { ColumnType, Generated } from 'kysely';

/** Column typings for migrations/0006_events.sql, which is the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint ids: written as strings or numbers, selected with `::text` so they stay exact. */
type EventId = ColumnType<string, string | number, string | number>;
/** Written as JSON text (so strings and arrays survive the `pg` driver), read back parsed. */
type Json = ColumnType<unknown, string, string>;

export interface OutboxEventsTable {
  id: ColumnType<string, never, never>;
  topic: string;
  partition_key: string;
  payload: Json;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  relayed_at: NullableTimestamp;
}

export interface EventConsumersTable {
  consumer: string;
  topics: string[];
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
}

export interface EventDeliveriesTable {
  consumer: string;
  event_id: EventId;
  partition_key: string;
  attempts: Generated<number>;
  available_at: Timestamp;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ProcessedEventsTable {
  consumer: string;
  event_id: EventId;
  processed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface EventDeadLettersTable {
  id: ColumnType<string, never, never>;
  consumer: string;
  event_id: EventId;
  topic: string;
  partition_key: string;
  payload: Json;
  event_created_at: Timestamp;
  error: string;
  attempts: number;
  failed_at: ColumnType<Date, Date | string | undefined, never>;
  replayed_at: NullableTimestamp;
}

export interface EventTables {
  outbox_events: OutboxEventsTable;
  event_consumers: EventConsumersTable;
  event_deliveries: EventDeliveriesTable;
  processed_events: ProcessedEventsTable;
  event_dead_letters: EventDeadLettersTable;
}
