import type { Executor } from '../../platform/db/transaction.ts';
import { DayPartitions, dayStart } from '../../platform/db/day-partitions.ts';

export { dayStart };
export type { PartitionMaintenance } from '../../platform/db/day-partitions.ts';

/** The raw player events table's day partitions (analytics_events_YYYYMMDD). */
const rawEvents = new DayPartitions('analytics_events');

export const partitionName = (dayStartMs: number) => rawEvents.partitionName(dayStartMs);
export const ensureDayPartition = (db: Executor, dayStartMs: number) => rawEvents.ensure(db, dayStartMs);
export const listDayPartitions = (db: Executor) => rawEvents.list(db);
/** Partitions ahead of today and whole days older than the raw-event retention dropped; rollups are kept. */
export const maintainPartitions = (db: Executor, retentionDays: number, now = Date.now(), daysAhead = 3) =>
  rawEvents.maintain(db, retentionDays, now, daysAhead);
