import type { ColumnType } from 'kysely';

/** Column typings for the analytics tables (migrations/0040_analytics.sql is the source of truth). */
type Json = ColumnType<
  Record<string, number>,
  string | Record<string, number> | undefined,
  string | Record<string, number>
>;

export const PLAYER_EVENT_TYPES = [
  'play',
  'heartbeat',
  'seek',
  'pause',
  'ended',
  'rebuffer',
  'quality_change',
  'error',
] as const;
export type PlayerEventType = (typeof PLAYER_EVENT_TYPES)[number];

export interface AnalyticsEventsTable {
  occurred_at: Date | string;
  received_at: ColumnType<Date, Date | string | undefined, never>;
  video_id: string;
  channel_id: string;
  session_id: string;
  viewer_id: string | null;
  type: PlayerEventType;
  position_seconds: number | null;
  seconds_played: number | null;
  from_seconds: number | null;
  duration_ms: number | null;
  rendition: string | null;
  referrer: string;
  device: string;
  browser: string;
  country: string;
}

interface RollupColumns {
  video_id: string;
  channel_id: string;
  views: number;
  unique_viewers: number;
  watch_seconds: number;
  rebuffer_seconds: number;
  startup_p50_ms: number | null;
  startup_p95_ms: number | null;
  sources: Json;
  devices: Json;
  browsers: Json;
  countries: Json;
}

export interface AnalyticsVideoHourlyTable extends RollupColumns {
  hour: Date | string;
}
export interface AnalyticsVideoDailyTable extends RollupColumns {
  day: ColumnType<string, string, string>;
}

export interface AnalyticsTables {
  analytics_events: AnalyticsEventsTable;
  analytics_video_hourly: AnalyticsVideoHourlyTable;
  analytics_video_daily: AnalyticsVideoDailyTable;
  analytics_retention_daily: { video_id: string; day: string; bucket: number; viewers: number };
  analytics_channel_viewers: { channel_id: string; day: string; viewer_key: string };
  analytics_channel_daily: {
    channel_id: string;
    day: ColumnType<string, string, string>;
    views: number;
    unique_viewers: number;
    new_viewers: number;
    viewer_sketch: Uint8Array;
    watch_seconds: number;
    rebuffer_seconds: number;
    startup_p50_sum: number | null;
    startup_p95_sum: number | null;
    percentile_views: number | null;
    sources: Json;
    devices: Json;
  };
  analytics_channel_audience: { channel_id: string; viewer_key: string; first_day: string };
  analytics_engagement_hourly: {
    channel_id: string;
    video_id: string | null;
    hour: Date | string;
    likes: number;
    comments: number;
    subscribers_gained: number;
    subscribers_lost: number;
  };
  analytics_dirty_hours: { video_id: string; hour: Date | string };
}
