import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { VideoRow } from '../videos/repo.ts';

/** An entry as listed: the video row (read-only join on the videos module's table) and its place. */
export type PlaylistEntryRow = VideoRow & { position: number; added_at: Date };

/**
 * SQL twin of the videos module's `canView`, so pages are cut after filtering: deleted videos
 * vanish, private ones stay only for their owner (and admins), unfinished ones only for the owner.
 */
function visibleTo(viewer: AuthenticatedUser | undefined) {
  if (viewer?.role === 'admin') return sql<boolean>`videos.status <> 'deleted'`;
  const ownVideo = viewer ? sql`videos.creator_id = ${viewer.id}::uuid` : sql`false`;
  return sql<boolean>`(videos.status <> 'deleted' and (${ownVideo} or (videos.status = 'ready' and videos.visibility <> 'private')))`;
}

/**
 * Positions are dense (0..n-1). Every write here runs inside an edit transaction that holds the
 * playlist's row lock; the deferred unique constraint on (playlist_id, position) checks the result
 * at commit.
 */
export const playlistItemRepo = {
  async count(db: Executor, playlistId: string): Promise<number> {
    const row = await db
      .selectFrom('playlist_items')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('playlist_id', '=', playlistId)
      .executeTakeFirstOrThrow();
    return row.count;
  },

  async positionOf(db: Executor, playlistId: string, videoId: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('playlist_items')
      .select('position')
      .where('playlist_id', '=', playlistId)
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return row?.position;
  },

  async videoIds(db: Executor, playlistId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('playlist_items')
      .select('video_id')
      .where('playlist_id', '=', playlistId)
      .orderBy('position')
      .execute();
    return rows.map((row) => row.video_id);
  },

  /** Moves the entries at positions from..to (to absent: through the end) by `delta`. */
  async shift(db: Executor, playlistId: string, range: { from: number; to?: number }, delta: 1 | -1): Promise<void> {
    let query = db
      .updateTable('playlist_items')
      .set({ position: sql<number>`position + ${delta}` })
      .where('playlist_id', '=', playlistId)
      .where('position', '>=', range.from);
    if (range.to !== undefined) query = query.where('position', '<=', range.to);
    await query.execute();
  },

  async insert(db: Executor, playlistId: string, videoId: string, position: number): Promise<void> {
    await db.insertInto('playlist_items').values({ playlist_id: playlistId, video_id: videoId, position }).execute();
  },

  /** The removed entry's position, or undefined when the video was not in the playlist. */
  async delete(db: Executor, playlistId: string, videoId: string): Promise<number | undefined> {
    const row = await db
      .deleteFrom('playlist_items')
      .where('playlist_id', '=', playlistId)
      .where('video_id', '=', videoId)
      .returning('position')
      .executeTakeFirst();
    return row?.position;
  },

  async setPosition(db: Executor, playlistId: string, videoId: string, position: number): Promise<void> {
    await db
      .updateTable('playlist_items')
      .set({ position })
      .where('playlist_id', '=', playlistId)
      .where('video_id', '=', videoId)
      .execute();
  },

  /** `videoIds` must be exactly the playlist's entries; each takes its index as position. */
  async applyOrder(db: Executor, playlistId: string, videoIds: string[]): Promise<void> {
    await sql`
      update playlist_items set position = (ordered.ordinality - 1)::int
      from unnest(${videoIds}::uuid[]) with ordinality as ordered(video_id, ordinality)
      where playlist_items.playlist_id = ${playlistId}::uuid and playlist_items.video_id = ordered.video_id
        and playlist_items.position <> ordered.ordinality - 1`.execute(db);
  },

  /**
   * Drops the entries of deleted videos and closes the gaps they leave. A deleted video never comes
   * back, so its entry is garbage; edits call this first, so positions stay dense over live entries.
   */
  async purgeDeletedVideos(db: Executor, playlistId: string): Promise<void> {
    const purged = await sql`
      delete from playlist_items using videos
      where playlist_items.playlist_id = ${playlistId}::uuid
        and videos.id = playlist_items.video_id and videos.status = 'deleted'`.execute(db);
    if (!purged.numAffectedRows) return;
    await sql`
      update playlist_items set position = ranked.rank
      from (
        select video_id, (row_number() over (order by position) - 1)::int as rank
        from playlist_items where playlist_id = ${playlistId}::uuid
      ) ranked
      where playlist_items.playlist_id = ${playlistId}::uuid and playlist_items.video_id = ranked.video_id
        and playlist_items.position <> ranked.rank`.execute(db);
  },

  /** Entries the viewer may see, in playlist order after `afterPosition`; `limit + 1` rows. */
  listVisible(
    db: Executor,
    playlistId: string,
    viewer: AuthenticatedUser | undefined,
    limit: number,
    afterPosition?: number,
  ): Promise<PlaylistEntryRow[]> {
    let query = db
      .selectFrom('playlist_items')
      .innerJoin('videos', 'videos.id', 'playlist_items.video_id')
      .selectAll('videos')
      .select(['playlist_items.position', 'playlist_items.added_at'])
      .where('playlist_items.playlist_id', '=', playlistId)
      .where(visibleTo(viewer));
    if (afterPosition !== undefined) query = query.where('playlist_items.position', '>', afterPosition);
    return query
      .orderBy('playlist_items.position')
      .limit(limit + 1)
      .execute();
  },
};
