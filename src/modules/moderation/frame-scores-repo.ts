import type { ColumnType, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { ImageScores } from '../../platform/ai/local/image-moderation.ts';

/** Column typings for video_frame_scores (migrations 0065 and 0194). */
/** Where a scored picture comes from: the generated poster, a sampled frame, or the creator's upload. */
export type PictureSource = 'poster' | 'frame' | 'custom_thumbnail';

export interface VideoFrameScoresTable {
  video_id: string;
  position: number;
  source: PictureSource;
  at_seconds: number | null;
  scores: ColumnType<ImageScores, string, string>;
  unsafe_score: number;
  image_key: string;
}

export interface FrameScoreTables {
  video_frame_scores: VideoFrameScoresTable;
}

export type FrameScoreRow = Selectable<VideoFrameScoresTable>;

export interface ScoredImage {
  source: PictureSource;
  atSeconds: number | null;
  scores: ImageScores;
  unsafeScore: number;
  imageKey: string;
}

export const frameScoresRepo = {
  /** Replaces a video's scored images with a new run's. */
  async replace(db: Executor, videoId: string, images: ScoredImage[]): Promise<void> {
    await db.deleteFrom('video_frame_scores').where('video_id', '=', videoId).execute();
    if (images.length === 0) return;
    await db
      .insertInto('video_frame_scores')
      .values(
        images.map((image, position) => ({
          video_id: videoId,
          position,
          source: image.source,
          at_seconds: image.atSeconds,
          scores: JSON.stringify(image.scores),
          unsafe_score: image.unsafeScore,
          image_key: image.imageKey,
        })),
      )
      .execute();
  },

  /** The images of these videos scoring at least `minimum`, most unsafe first. */
  flagged(db: Executor, videoIds: string[], minimum: number): Promise<FrameScoreRow[]> {
    if (videoIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('video_frame_scores')
      .selectAll()
      .where('video_id', 'in', videoIds)
      .where('unsafe_score', '>=', minimum)
      .orderBy('unsafe_score', 'desc')
      .execute();
  },

  find(db: Executor, videoId: string, position: number): Promise<FrameScoreRow | undefined> {
    return db
      .selectFrom('video_frame_scores')
      .selectAll()
      .where('video_id', '=', videoId)
      .where('position', '=', position)
      .executeTakeFirst();
  },
};
