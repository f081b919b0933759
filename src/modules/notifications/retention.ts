import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Receipts only need to outlive redelivery (the event bus keeps processed marks for a week); a month
 * is a wide margin. Read notifications are kept half a year, unread ones until read or deleted.
 */
const RECEIPT_DAYS = 30;
const READ_NOTIFICATION_DAYS = 180;

/** Deletes in bounded chunks so one run never holds long locks; resolves with the rows removed. */
export async function pruneNotifications(
  db: Kysely<DB>,
  chunk = 10_000,
): Promise<{ receipts: number; notifications: number }> {
  const removed = { receipts: 0, notifications: 0 };
  for (;;) {
    const result = await sql`delete from notification_receipts where ctid in (
      select ctid from notification_receipts where created_at < now() - make_interval(days => ${RECEIPT_DAYS}) limit ${chunk})`.execute(
      db,
    );
    const count = Number(result.numAffectedRows ?? 0);
    removed.receipts += count;
    if (count < chunk) break;
  }
  for (;;) {
    const result = await sql`delete from notifications where id in (
      select id from notifications where read_at < now() - make_interval(days => ${READ_NOTIFICATION_DAYS}) limit ${chunk})`.execute(
      db,
    );
    const count = Number(result.numAffectedRows ?? 0);
    removed.notifications += count;
    if (count < chunk) break;
  }
  return removed;
}
