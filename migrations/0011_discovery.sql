-- Trending and feeds (src/modules/trending, src/modules/feeds). Both are derived data: they can be
-- recomputed from likes, comments, daily stats and subscriptions (`streamhub rebuild trending|feeds`).

-- Engagement per video in five-minute buckets, added to as the hot counters flush (views, likes,
-- watch time) and as comment events arrive. Trending scores are decayed sums over these buckets.
create table trending_activity (
  video_id uuid not null references videos(id) on delete cascade,
  bucket timestamptz not null,
  views bigint not null default 0,
  likes bigint not null default 0,
  comments bigint not null default 0,
  watch_seconds double precision not null default 0,
  primary key (video_id, bucket)
);
create index trending_activity_bucket_idx on trending_activity (bucket);

-- The latest ranking per window (hour/day/week), overall ('' category) and per category, replaced
-- whole by each refresh. In Redis mode the same ranking lives in sorted sets instead.
create table trending_scores (
  time_window text not null,
  category text not null,
  video_id uuid not null references videos(id) on delete cascade,
  score double precision not null,
  primary key (time_window, category, video_id)
);
create index trending_scores_rank_idx on trending_scores (time_window, category, score desc, video_id);

-- Subscriptions feed, fan-out on write: one row per (subscriber, video) pushed when the video went
-- public. Channels above the celebrity threshold are not pushed; their uploads are pulled at read time.
create table feed_items (
  user_id uuid not null references users(id) on delete cascade,
  video_id uuid not null references videos(id) on delete cascade,
  creator_id uuid not null references users(id) on delete cascade,
  published_at timestamptz not null,
  primary key (user_id, video_id)
);
create index feed_items_user_recent_idx on feed_items (user_id, published_at desc, video_id desc);
create index feed_items_video_idx on feed_items (video_id);
create index feed_items_user_creator_idx on feed_items (user_id, creator_id);

-- A channel's newest public uploads (feed pull path, subscribe backfill, fresh uploads on the home page).
create index videos_creator_published_idx on videos (creator_id, processed_at desc, id desc)
  where status = 'ready' and visibility = 'public';
create index videos_public_published_idx on videos (processed_at desc, id desc)
  where status = 'ready' and visibility = 'public';
