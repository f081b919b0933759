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
  /** The video's tags as written (migration 0080), for the exact tags filter. */
  tags: Generated<string[]>;
}

/**
 * Autocomplete's titles (migration 0080): findable (ready, public) videos only, kept by the
 * videos_suggestions_sync trigger, with a copy of the view count for the order.
 */
export interface TitleSuggestionsTable {
  video_id: string;
  title: string;
  title_key: string;
  /** The title's words as search_words holds them: what the typo pass matches. */
  words: string[];
  view_count: number;
}

/** Which findable video carries which tag, lower-cased (migration 0080): autocomplete's "still carried" check. */
export interface SearchTagVideosTable {
  tag: string;
  video_id: string;
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
  title_suggestions: TitleSuggestionsTable;
  search_tag_videos: SearchTagVideosTable;
  search_words: SearchWordsTable;
  search_queries: SearchQueriesTable;
}
