-- Analytics (issue 14): raw player events partitioned by day, per-video rollups, retention histograms,
-- engagement counts fed by outbox events, and the work list of the incremental rollup job.

-- Append-only raw events. Partitions (analytics_events_YYYYMMDD) are created ahead by a recurring job and
-- on demand by the ingest flusher, and dropped after ANALYTICS_RAW_RETENTION_DAYS. No IP is stored;
-- session_id is a keyed hash that changes every UTC day.
create table analytics_events (
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  video_id uuid not null,
  channel_id uuid not null,
  session_id text not null,
  viewer_id uuid,
  type text not null check (type in ('play', 'heartbeat', 'seek', 'pause', 'ended', 'rebuffer', 'quality_change', 'error')),
  position_seconds real,
  seconds_played real,
  from_seconds real,
  duration_ms integer,
  rendition text,
  referrer text not null,
  device text not null,
  browser text not null,
  country text not null
) partition by range (occurred_at);
create index analytics_events_video_idx on analytics_events (video_id, occurred_at);

-- Per video per hour / per day. Maps (sources, devices, browsers, countries) are {"key": views}.
create table analytics_video_hourly (
  video_id uuid not null,
  channel_id uuid not null,
  hour timestamptz not null,
  views integer not null default 0,
  unique_viewers integer not null default 0,
  watch_seconds double precision not null default 0,
  rebuffer_seconds double precision not null default 0,
  startup_p50_ms integer,
  startup_p95_ms integer,
  sources jsonb not null default '{}',
  devices jsonb not null default '{}',
  browsers jsonb not null default '{}',
  countries jsonb not null default '{}',
  primary key (video_id, hour)
);
create index analytics_video_hourly_channel_idx on analytics_video_hourly (channel_id, hour);

create table analytics_video_daily (
  video_id uuid not null,
  channel_id uuid not null,
  day date not null,
  views integer not null default 0,
  unique_viewers integer not null default 0,
  watch_seconds double precision not null default 0,
  rebuffer_seconds double precision not null default 0,
  startup_p50_ms integer,
  startup_p95_ms integer,
  sources jsonb not null default '{}',
  devices jsonb not null default '{}',
  browsers jsonb not null default '{}',
  countries jsonb not null default '{}',
  primary key (video_id, day)
);
create index analytics_video_daily_channel_idx on analytics_video_daily (channel_id, day);

-- Per channel per day (what the channel overview reads: one row a day, whatever the number of videos).
-- unique_viewers is the channel's own count (a viewer of two videos counts once); the startup
-- percentiles are kept as view-weighted sums, so any period can average them.
create table analytics_channel_daily (
  channel_id uuid not null,
  day date not null,
  views integer not null default 0,
  unique_viewers integer not null default 0,
  watch_seconds double precision not null default 0,
  rebuffer_seconds double precision not null default 0,
  startup_p50_sum double precision,
  startup_p95_sum double precision,
  percentile_views integer,
  sources jsonb not null default '{}',
  devices jsonb not null default '{}',
  primary key (channel_id, day)
);

-- Sessions of a day that watched each 1 % of the video (bucket 0..99): summed over days and divided by
-- the day's views it gives the retention curve.
create table analytics_retention_daily (
  video_id uuid not null,
  day date not null,
  bucket smallint not null check (bucket between 0 and 99),
  viewers integer not null,
  primary key (video_id, day, bucket)
);

-- Who watched a channel on which day (signed-in user id, else the day's session hash), and each viewer's
-- first and last day: unique viewers over any period, new vs returning viewers, and (last_day) unique
-- viewers of a period ending today without a distinct count over every day of it.
create table analytics_channel_viewers (
  channel_id uuid not null,
  day date not null,
  viewer_key text not null,
  primary key (channel_id, day, viewer_key)
);
create table analytics_channel_audience (
  channel_id uuid not null,
  viewer_key text not null,
  first_day date not null,
  last_day date not null,
  primary key (channel_id, viewer_key)
);
create index analytics_channel_audience_first_idx on analytics_channel_audience (channel_id, first_day);
create index analytics_channel_audience_last_idx on analytics_channel_audience (channel_id, last_day);

-- Likes, comments (per video) and subscribers gained/lost (per channel) per hour, from outbox events.
create table analytics_engagement_hourly (
  channel_id uuid not null,
  video_id uuid,
  hour timestamptz not null,
  likes integer not null default 0,
  comments integer not null default 0,
  subscribers_gained integer not null default 0,
  subscribers_lost integer not null default 0
);
-- Channel-level rows have no video: one unique index over both shapes.
create unique index analytics_engagement_hourly_key on analytics_engagement_hourly (channel_id, coalesce(video_id, '00000000-0000-0000-0000-000000000000'::uuid), hour);

-- (video, hour) slices whose raw events changed since the last rollup run; written with the raw insert.
create table analytics_dirty_hours (
  video_id uuid not null,
  hour timestamptz not null,
  primary key (video_id, hour)
);
