import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { CommentLanguagesTable, TranslationCacheTable } from './tables.ts';

export type CommentLanguageRow = Selectable<CommentLanguagesTable>;
export type CachedTranslationRow = Selectable<TranslationCacheTable>;

export const translationRepo = {
  findLanguage(db: Executor, commentId: string): Promise<CommentLanguageRow | undefined> {
    return db.selectFrom('comment_languages').selectAll().where('comment_id', '=', commentId).executeTakeFirst();
  },

  /** The latest text's language: an edit re-detects it; a racing on-demand detection of the same text writes the same values. */
  async saveLanguage(
    db: Executor,
    row: { commentId: string; language: string | null; confidence: number; detector: string },
  ): Promise<void> {
    const values = {
      language: row.language,
      confidence: row.confidence,
      detector: row.detector,
      detected_at: new Date(),
    };
    await db
      .insertInto('comment_languages')
      .values({ comment_id: row.commentId, ...values })
      .onConflict((conflict) => conflict.column('comment_id').doUpdateSet(values))
      .execute();
  },

  findCached(db: Executor, contentHash: string, targetLanguage: string): Promise<CachedTranslationRow | undefined> {
    return db
      .selectFrom('translation_cache')
      .selectAll()
      .where('content_hash', '=', contentHash)
      .where('target_language', '=', targetLanguage)
      .executeTakeFirst();
  },

  async cache(db: Executor, row: Omit<CachedTranslationRow, 'created_at'>): Promise<void> {
    await db
      .insertInto('translation_cache')
      .values(row)
      .onConflict((conflict) => conflict.columns(['content_hash', 'target_language']).doNothing())
      .execute();
  },
};
