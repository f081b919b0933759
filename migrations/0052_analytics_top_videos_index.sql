-- The channel overview's top videos sum every video-day row of the period (videos × days, e.g. 28,000 rows
-- for 1,000 videos): a covering index lets that be an index-only scan instead of reading the heap.
create index analytics_video_daily_channel_cover_idx on analytics_video_daily (channel_id, day)
  include (video_id, views, watch_seconds);
drop index analytics_video_daily_channel_idx;
