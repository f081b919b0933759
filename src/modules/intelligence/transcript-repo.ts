import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { ModelInfo, TranscriptSegment } from '../../platform/ai/ports.ts';
import type { VideoTranscriptsTable } from './tables.ts';

export type TranscriptRow = Selectable<VideoTranscriptsTable>;

export interface StoredSegment extends TranscriptSegment {
  position: number;
}

export const transcriptRepo = {
  find(db: Executor, videoId: string): Promise<TranscriptRow | undefined> {
    return db.selectFrom('video_transcripts').selectAll().where('video_id', '=', videoId).executeTakeFirst();
  },

  async segments(db: Executor, videoId: string): Promise<StoredSegment[]> {
    const rows = await db
      .selectFrom('transcript_segments')
      .select(['position', 'start_seconds', 'end_seconds', 'text'])
      .where('video_id', '=', videoId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({
      position: row.position,
      startSeconds: row.start_seconds,
      endSeconds: row.end_seconds,
      text: row.text,
    }));
  },

  /**
   * Replaces the transcript and its segments in one transaction. `editedBy: 'creator'` marks it as a
   * creator's edit, which model re-runs leave alone; a model write never overwrites such an edit.
   * Returns false when a model write found a creator's edit in place.
   */
  save(
    db: Executor,
    videoId: string,
    transcript: { language: string; segments: TranscriptSegment[]; model: ModelInfo; editedBy: 'model' | 'creator' },
  ): Promise<boolean> {
    return inTransaction(db, async (trx) => {
      const existing = await trx
        .selectFrom('video_transcripts')
        .select('edited_at')
        .where('video_id', '=', videoId)
        .forUpdate()
        .executeTakeFirst();
      if (existing?.edited_at && transcript.editedBy === 'model') return false;
      const now = new Date();
      const values = {
        language: transcript.language,
        model_provider: transcript.model.provider,
        model_name: transcript.model.name,
        model_version: transcript.model.version,
        edited_at: transcript.editedBy === 'creator' ? now : null,
        updated_at: now,
      };
      await trx
        .insertInto('video_transcripts')
        .values({ video_id: videoId, ...values })
        .onConflict((conflict) => conflict.column('video_id').doUpdateSet(values))
        .execute();
      await trx.deleteFrom('transcript_segments').where('video_id', '=', videoId).execute();
      if (transcript.segments.length > 0) {
        await trx
          .insertInto('transcript_segments')
          .values(
            transcript.segments.map((segment, position) => ({
              video_id: videoId,
              position,
              start_seconds: segment.startSeconds,
              end_seconds: segment.endSeconds,
              text: segment.text,
            })),
          )
          .execute();
      }
      return true;
    });
  },

  /** Removes a model's transcript (its segments follow by cascade); a creator's edited transcript stays. */
  async removeModelTranscript(db: Executor, videoId: string): Promise<void> {
    await db.deleteFrom('video_transcripts').where('video_id', '=', videoId).where('edited_at', 'is', null).execute();
  },
};
