import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** See migrations/0016_comment_translation.sql. */
export interface CommentLanguagesTable {
  comment_id: string;
  language: string | null;
  confidence: number;
  detector: string;
  detected_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TranslationCacheTable {
  content_hash: string;
  target_language: string;
  source_language: string;
  translated_text: string;
  model_name: string;
  model_version: string;
  created_at: CreatedAt;
}

export interface TranslationTables {
  comment_languages: CommentLanguagesTable;
  translation_cache: TranslationCacheTable;
}
