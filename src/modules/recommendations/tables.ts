import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RecommendationCowatchTable {
  video_id: string;
  other_video_id: string;
  viewers: Generated<number>;
}

export interface RecommendationCowatchCountedTable {
  user_id: string;
  video_id: string;
  counted_at: Generated<Date>;
}

export interface RecommendationNotInterestedTable {
  user_id: string;
  video_id: string;
  channel_id: string;
  created_at: Generated<Date>;
}

export interface RecommendationCacheTable {
  user_id: string;
  /** The ranked list as JSON (CachedRecommendation[]); written as a JSON string. */
  items: ColumnType<unknown, string, string>;
  computed_at: Timestamp;
  expires_at: Timestamp;
}

export interface RecommendationTables {
  recommendation_cowatch: RecommendationCowatchTable;
  recommendation_cowatch_counted: RecommendationCowatchCountedTable;
  recommendation_not_interested: RecommendationNotInterestedTable;
  recommendation_cache: RecommendationCacheTable;
}
