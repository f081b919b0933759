import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { exactTimestamp } from '../../platform/pagination/exact-timestamp.ts';
import type { PlaylistsTable } from './tables.ts';

export type PlaylistRow = Selectable<PlaylistsTable>;
export type PlaylistListRow = PlaylistRow & { exact_created_at: string };
export type PlaylistChanges = Pick<Updateable<PlaylistsTable>, 'title' | 'description' | 'visibility'>;

const WATCH_LATER_TITLE = 'Watch later';

export const playlistRepo = {
  insert(db: Executor, playlist: Insertable<PlaylistsTable>): Promise<PlaylistRow> {
    return db.insertInto('playlists').values(playlist).returningAll().executeTakeFirstOrThrow();
  },

  findById(db: Executor, id: string): Promise<PlaylistRow | undefined> {
    return db.selectFrom('playlists').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Row-locks the playlist until the transaction ends: every edit of its entries takes this lock
   * first, so edits of one playlist run one after another and each sees the previous one's positions.
   */
  lockForEdit(db: Executor, id: string): Promise<PlaylistRow | undefined> {
    return db.selectFrom('playlists').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  update(db: Executor, id: string, changes: PlaylistChanges): Promise<PlaylistRow | undefined> {
    return db
      .updateTable('playlists')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('playlists').where('id', '=', id).execute();
  },

  /** After an edit of its entries: the exact count and a new updated_at. */
  recount(db: Executor, id: string): Promise<PlaylistRow> {
    return db
      .updateTable('playlists')
      .set({
        item_count: sql<number>`(select count(*) from playlist_items where playlist_id = ${id}::uuid)::int`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Newest first; `limit + 1` rows tell the caller whether more follow. */
  listByOwner(
    db: Executor,
    ownerId: string,
    options: { publicOnly: boolean; limit: number; after?: { createdAt: string; id: string } },
  ): Promise<PlaylistListRow[]> {
    let query = db
      .selectFrom('playlists')
      .selectAll()
      .select(exactTimestamp('created_at').as('exact_created_at'))
      .where('owner_id', '=', ownerId);
    if (options.publicOnly) query = query.where('visibility', '=', 'public');
    const { after } = options;
    if (after)
      query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
  },

  findWatchLater(db: Executor, ownerId: string): Promise<PlaylistRow | undefined> {
    return db
      .selectFrom('playlists')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('kind', '=', 'watch_later')
      .executeTakeFirst();
  },

  /** Creates the user's Watch later unless it exists; two racing first uses end with one. */
  async ensureWatchLater(db: Executor, ownerId: string): Promise<void> {
    await db
      .insertInto('playlists')
      .values({ owner_id: ownerId, kind: 'watch_later', title: WATCH_LATER_TITLE, visibility: 'private' })
      .onConflict((conflict) => conflict.column('owner_id').where('kind', '=', 'watch_later').doNothing())
      .execute();
  },
};
