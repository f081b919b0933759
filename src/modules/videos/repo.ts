import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { notHeldForReview } from '../moderation/held-for-review.ts';
import type { VideoRenditionsTable, VideosTable } from './tables.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';

export type VideoRow = Selectable<VideosTable>;
export type RenditionRow = Selectable<VideoRenditionsTable>;

export interface SourceUpload {
  sourceKey: string;
  sizeBytes: number;
  originalFilename?: string;
}

/** Probe metadata and output keys, written in the same statement that makes a video ready. */
export type ProcessingResult = Pick<
  Updateable<VideosTable>,
  | 'duration_seconds'
  | 'width'
  | 'height'
  | 'fps'
  | 'video_codec'
  | 'audio_codec'
  | 'bitrate'
  | 'has_audio'
  | 'rotation'
  | 'master_playlist_key'
  | 'thumbnail_key'
  | 'storyboard_image_key'
  | 'storyboard_vtt_key'
>;

export type MetadataChanges = Pick<
  Updateable<VideosTable>,
  'title' | 'description' | 'tags' | 'category' | 'visibility'
>;

/** Keyset position in a creator's list: newest first, id breaks ties. */

export const videoRepo = {
  findById(db: Executor, id: string): Promise<VideoRow | undefined> {
    return db.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * The public, ready videos among `ids` that moderation does not hold, in the order of `ids` (for
   * rankings and feeds, whose lists were computed earlier: a video made private, deleted or held for
   * review since then drops out here).
   */
  async findPublicByIds(db: Executor, ids: readonly string[]): Promise<VideoRow[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('videos')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .where('status', '=', 'ready')
      .where('visibility', '=', 'public')
      .where(notHeldForReview('videos.id'))
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  },

  /** Row-locks the video for the rest of the transaction, so status changes serialise. */
  findByIdForUpdate(db: Executor, id: string): Promise<VideoRow | undefined> {
    return db.selectFrom('videos').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** Points the video at another custom thumbnail (null: back to the generated poster). */
  setCustomThumbnail(db: Executor, id: string, key: string | null): Promise<VideoRow> {
    return db
      .updateTable('videos')
      .set({ custom_thumbnail_key: key, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  insert(db: Executor, video: Insertable<VideosTable>): Promise<VideoRow> {
    return db.insertInto('videos').values(video).returningAll().executeTakeFirstOrThrow();
  },

  updateMetadata(db: Executor, id: string, changes: MetadataChanges): Promise<VideoRow | undefined> {
    return db
      .updateTable('videos')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '!=', 'deleted')
      .returningAll()
      .executeTakeFirst();
  },

  /** uploading -> processing with the source recorded; undefined when the video was not 'uploading'. */
  markUploaded(db: Executor, id: string, source: SourceUpload): Promise<VideoRow | undefined> {
    const now = new Date();
    return db
      .updateTable('videos')
      .set({
        source_key: source.sourceKey,
        source_size_bytes: source.sizeBytes,
        original_filename: source.originalFilename ?? null,
        uploaded_at: now,
        status: 'processing',
        processing_progress: 0,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'uploading')
      .returningAll()
      .executeTakeFirst();
  },

  /**
   * A run begins: back to a clean 'processing' (also from 'failed', for a retried dead letter). The run
   * replaces the outputs, so their size is unknown until it measures them.
   */
  restartProcessing(db: Executor, id: string): Promise<VideoRow | undefined> {
    return db
      .updateTable('videos')
      .set({
        status: 'processing',
        failure_reason: null,
        processing_progress: 0,
        processed_bytes: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('status', 'in', ['processing', 'failed'])
      .returningAll()
      .executeTakeFirst();
  },

  async setProgress(db: Executor, id: string, percent: number): Promise<void> {
    await db
      .updateTable('videos')
      .set({ processing_progress: percent })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .execute();
  },

  markReady(db: Executor, id: string, result: ProcessingResult): Promise<VideoRow | undefined> {
    const now = new Date();
    return db
      .updateTable('videos')
      .set({
        ...result,
        status: 'ready',
        failure_reason: null,
        processing_progress: 100,
        processed_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .returningAll()
      .executeTakeFirst();
  },

  /** Undefined when the video was not processing (deleted or already decided meanwhile). */
  markFailed(db: Executor, id: string, reason: string): Promise<VideoRow | undefined> {
    return db
      .updateTable('videos')
      .set({ status: 'failed', failure_reason: reason, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .returningAll()
      .executeTakeFirst();
  },

  /** Undefined when the video is missing or already deleted. */
  markDeleted(db: Executor, id: string): Promise<VideoRow | undefined> {
    const now = new Date();
    return db
      .updateTable('videos')
      .set({ status: 'deleted', deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '!=', 'deleted')
      .returningAll()
      .executeTakeFirst();
  },

  async replaceRenditions(
    db: Executor,
    videoId: string,
    renditions: Insertable<VideoRenditionsTable>[],
  ): Promise<void> {
    await db.deleteFrom('video_renditions').where('video_id', '=', videoId).execute();
    if (renditions.length > 0) await db.insertInto('video_renditions').values(renditions).execute();
  },

  listRenditions(db: Executor, videoId: string): Promise<RenditionRow[]> {
    return db
      .selectFrom('video_renditions')
      .selectAll()
      .where('video_id', '=', videoId)
      .orderBy('kind', 'desc')
      .orderBy('height')
      .orderBy('name')
      .execute();
  },

  /** Every status but 'deleted', newest first; `limit + 1` rows tell the caller whether more follow. */
  listByCreator(db: Executor, creatorId: string, limit: number, after?: TimePosition): Promise<VideoRow[]> {
    let query = db
      .selectFrom('videos')
      .selectAll()
      .where('creator_id', '=', creatorId)
      .where('status', '!=', 'deleted');
    if (after) {
      query = query.where(sql<boolean>`(created_at, id) < (${after.at}, ${after.id}::uuid)`);
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  },
};
