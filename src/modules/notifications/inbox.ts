import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import { cursorCodec } from '../../platform/pagination/cursor.ts';
import type { LiveNotifications } from './live.ts';
import type { NotificationsTable } from './tables.ts';

export type NotificationRow = Selectable<NotificationsTable> & { actor_name: string | null };

/** The list is ordered by `position` (unique per user, re-drawn when a row collapses a new event in). */
const positionCursor = cursorCodec('notifications', z.string().regex(/^\d{1,19}$/));

/**
 * A user's notifications: the newest-first list, the unread count, read marks and deletion. Every
 * change is announced to the user's open tabs.
 */
export class NotificationInbox {
  constructor(private readonly deps: { db: Kysely<DB>; live: LiveNotifications }) {}

  async page(
    userId: string,
    limit: number,
    cursor?: string,
    unreadOnly = false,
  ): Promise<{ items: NotificationRow[]; nextCursor: string | null }> {
    let query = this.deps.db
      .selectFrom('notifications as n')
      .leftJoin('users as a', 'a.id', 'n.actor_id')
      .selectAll('n')
      .select('a.username as actor_name')
      .where('n.recipient_id', '=', userId);
    if (cursor) query = query.where('n.position', '<', positionCursor.decode(cursor) as never);
    if (unreadOnly) query = query.where('n.read_at', 'is', null);
    const rows = await query
      .orderBy('n.position', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? positionCursor.encode(String(last.position)) : null };
  }

  /** The badge: an index-only count over the partial unread index. */
  async unreadCount(userId: string): Promise<number> {
    const row = await this.deps.db
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('recipient_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return row?.n ?? 0;
  }

  /** Idempotent; 404 for a notification that is not the user's. */
  async markRead(userId: string, id: string, read = true): Promise<void> {
    const result = await this.deps.db
      .updateTable('notifications')
      .set({ read_at: read ? sql<Date>`coalesce(read_at, now())` : null })
      .where('id', '=', id)
      .where('recipient_id', '=', userId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('Notification');
    await this.deps.live.changed([userId]);
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.deps.db
      .updateTable('notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('recipient_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    await this.deps.live.changed([userId]);
    return Number(result.numUpdatedRows);
  }

  /** Deleting keeps the idempotency receipt: a redelivered event does not bring the row back. */
  async remove(userId: string, id: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('notifications')
      .where('id', '=', id)
      .where('recipient_id', '=', userId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Notification');
    await this.deps.live.changed([userId]);
  }
}
