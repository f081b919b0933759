-- Likes, watch progress/history and per-day video statistics (src/modules/likes, src/modules/views).
-- videos.like_count and videos.view_count are projections of these rows, maintained through the hot
-- counters (src/platform/counters) and rebuildable from the rows.

-- One row per (user, video): liking twice is one like. Rows outlive a soft-deleted video; lists
-- hide them by joining videos.
create table likes (
  user_id uuid not null references users(id) on delete cascade,
  video_id uuid not null references videos(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, video_id)
);
-- "My liked videos", newest first, keyset-paginated on (created_at, video_id).
create index likes_user_recent_idx on likes (user_id, created_at desc, video_id desc);
-- Counting a video's likes (rebuild) and deleting by video.
create index likes_video_idx on likes (video_id);

-- Resume position and accumulated watch time per (user, video); the user's history is these rows.
create table watch_history (
  user_id uuid not null references users(id) on delete cascade,
  video_id uuid not null references videos(id) on delete cascade,
  position_seconds double precision not null check (position_seconds >= 0),
  watched_seconds double precision not null default 0 check (watched_seconds >= 0),
  completed boolean not null default false,
  last_watched_at timestamptz not null default now(),
  primary key (user_id, video_id)
);
create index watch_history_user_recent_idx on watch_history (user_id, last_watched_at desc, video_id desc);

-- A user who paused their history has a row with paused = true; no row means "recording".
create table watch_history_settings (
  user_id uuid primary key references users(id) on delete cascade,
  paused boolean not null,
  updated_at timestamptz not null default now()
);

-- Per-video, per-day (UTC) aggregates for analytics, upserted when the hot counters are flushed.
create table video_daily_stats (
  video_id uuid not null references videos(id) on delete cascade,
  day date not null,
  views bigint not null default 0,
  watch_seconds bigint not null default 0,
  primary key (video_id, day)
);
