import type { ColumnType } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

export const ANALYSIS_STATES = ['queued', 'transcribing', 'analysing', 'done', 'failed'] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

/** Column typings for migrations/0050_video_analysis_status.sql, which is the source of truth. */
export interface VideoAnalysisStatusTable {
  video_id: string;
  state: AnalysisState;
  failure_reason: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AnalysisStatusTables {
  video_analysis_status: VideoAnalysisStatusTable;
}

export const analysisStatusRepo = {
  async mark(db: Executor, videoId: string, state: AnalysisState, failureReason: string | null = null): Promise<void> {
    await db
      .insertInto('video_analysis_status')
      .values({ video_id: videoId, state, failure_reason: failureReason, updated_at: new Date() })
      .onConflict((conflict) =>
        conflict.column('video_id').doUpdateSet({ state, failure_reason: failureReason, updated_at: new Date() }),
      )
      .execute();
  },

  find(db: Executor, videoId: string) {
    return db.selectFrom('video_analysis_status').selectAll().where('video_id', '=', videoId).executeTakeFirst();
  },
};
