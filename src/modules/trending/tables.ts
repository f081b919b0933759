export interface TrendingActivityTable {
  video_id: string;
  bucket: Date;
  views: number;
  likes: number;
  comments: number;
  watch_seconds: number;
}

export interface TrendingScoresTable {
  time_window: string;
  category: string;
  video_id: string;
  score: number;
}

export interface TrendingTables {
  trending_activity: TrendingActivityTable;
  trending_scores: TrendingScoresTable;
}
