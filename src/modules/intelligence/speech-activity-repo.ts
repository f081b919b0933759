import type { ColumnType } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

/** Column typings for video_speech_activity in migrations/0065_speech_activity_and_frame_moderation.sql. */
export interface VideoSpeechActivityTable {
  video_id: string;
  audio_seconds: number;
  speech_seconds: number;
  regions: number;
  model_name: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SpeechActivityTables {
  video_speech_activity: VideoSpeechActivityTable;
}

export interface SpeechActivitySummary {
  audioSeconds: number;
  speechSeconds: number;
  regions: number;
  modelName: string;
}

export const speechActivityRepo = {
  async save(db: Executor, videoId: string, summary: SpeechActivitySummary): Promise<void> {
    const values = {
      audio_seconds: summary.audioSeconds,
      speech_seconds: summary.speechSeconds,
      regions: summary.regions,
      model_name: summary.modelName,
      updated_at: new Date(),
    };
    await db
      .insertInto('video_speech_activity')
      .values({ video_id: videoId, ...values })
      .onConflict((conflict) => conflict.column('video_id').doUpdateSet(values))
      .execute();
  },

  find(db: Executor, videoId: string) {
    return db.selectFrom('video_speech_activity').selectAll().where('video_id', '=', videoId).executeTakeFirst();
  },
};
