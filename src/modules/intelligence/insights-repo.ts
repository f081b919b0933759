import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { ModelInfo } from '../../platform/ai/ports.ts';
import type { Insights } from '../../platform/ai/local/extractive-insights.ts';
import type { VideoInsightsTable } from './tables.ts';

export type InsightsRow = Selectable<VideoInsightsTable>;

export const insightsRepo = {
  find(db: Executor, videoId: string): Promise<InsightsRow | undefined> {
    return db.selectFrom('video_insights').selectAll().where('video_id', '=', videoId).executeTakeFirst();
  },

  /** A model write skips a row a creator edited (the `where` of the upsert), so edits survive re-runs. */
  async save(
    db: Executor,
    videoId: string,
    insights: Insights,
    source: { model: ModelInfo; transcriptUpdatedAt: Date | null; editedBy: 'model' | 'creator' },
  ): Promise<void> {
    const values = {
      summary: insights.summary,
      key_points: insights.keyPoints,
      chapters: JSON.stringify(insights.chapters),
      model_provider: source.model.provider,
      model_name: source.model.name,
      model_version: source.model.version,
      transcript_updated_at: source.transcriptUpdatedAt,
      edited_at: source.editedBy === 'creator' ? new Date() : null,
      updated_at: new Date(),
    };
    await db
      .insertInto('video_insights')
      .values({ video_id: videoId, ...values })
      .onConflict((conflict) => {
        const update = conflict.column('video_id').doUpdateSet(values);
        return source.editedBy === 'model' ? update.where('video_insights.edited_at', 'is', null) : update;
      })
      .execute();
  },
};
