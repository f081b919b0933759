import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WatchHistoryTable {
  user_id: string;
  video_id: string;
  position_seconds: number;
  watched_seconds: Generated<number>;
  completed: Generated<boolean>;
  last_watched_at: Timestamp;
}

export interface WatchHistorySettingsTable {
  user_id: string;
  paused: boolean;
  updated_at: Timestamp;
}

export interface VideoDailyStatsTable {
  video_id: string;
  /** UTC day; comes back as a Date at midnight UTC. */
  day: ColumnType<Date, string, string>;
  views: Generated<number>;
  watch_seconds: Generated<number>;
}

export interface ViewTables {
  watch_history: WatchHistoryTable;
  watch_history_settings: WatchHistorySettingsTable;
  video_daily_stats: VideoDailyStatsTable;
}
