import type { ColumnType, Generated } from 'kysely';

/** Kept by the `videos_search_sync` trigger (migrations/0010_search.sql, 0012); rebuilt by rebuildSearchIndex. */
export interface VideoSearchTable {
  video_id: string;
  document: string;
  /** ready and public: the only videos search may show. */
  searchable: Generated<boolean>;
  published_at: Date | null;
  category: string | null;
  duration_seconds: number | null;
}

export interface SearchTagsTable {
  tag: string;
}

export interface SearchQueriesTable {
  id: Generated<string>;
  query_normalised: string;
  result_count: number;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Every 3+ letter word of a title (migration 0012): what a misspelt query word is corrected to. */
export interface SearchWordsTable {
  word: string;
}

export interface SearchTables {
  video_search: VideoSearchTable;
  search_tags: SearchTagsTable;
  search_words: SearchWordsTable;
  search_queries: SearchQueriesTable;
}
