import type { ColumnType, Generated } from 'kysely';

/** Kept by the `videos_search_sync` trigger (migrations/0010_search.sql); rebuilt by rebuildSearchIndex. */
export interface VideoSearchTable {
  video_id: string;
  document: string;
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

export interface SearchTables {
  video_search: VideoSearchTable;
  search_tags: SearchTagsTable;
  search_queries: SearchQueriesTable;
}
