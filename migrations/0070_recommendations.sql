-- Recommendations ("For you", docs/AI.md "Recommendations"): item-to-item co-watch counts, the
-- completions already counted into them, a viewer's "Not interested" marks, and each viewer's ranked
-- list, cached for an hour and dropped when they watch or like something.

-- "Viewers who watched video_id also finished other_video_id": how many distinct viewers did both.
create table recommendation_cowatch (
  video_id uuid not null references videos(id) on delete cascade,
  other_video_id uuid not null references videos(id) on delete cascade,
  viewers integer not null default 0,
  primary key (video_id, other_video_id)
);
create index recommendation_cowatch_top_idx on recommendation_cowatch (video_id, viewers desc);

-- A viewer's finished video counted into recommendation_cowatch: a second completion (or a redelivered
-- event) must not count the same viewer twice.
create table recommendation_cowatch_counted (
  user_id uuid not null references users(id) on delete cascade,
  video_id uuid not null references videos(id) on delete cascade,
  counted_at timestamptz not null default now(),
  primary key (user_id, video_id)
);

-- "Not interested": the video is hidden from the viewer's recommendations and its channel lowered.
create table recommendation_not_interested (
  user_id uuid not null references users(id) on delete cascade,
  video_id uuid not null references videos(id) on delete cascade,
  channel_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, video_id)
);
create index recommendation_not_interested_channel_idx on recommendation_not_interested (user_id, channel_id);

-- The viewer's ranked list (ids with their reasons) until expires_at; deleting the row invalidates it.
create table recommendation_cache (
  user_id uuid primary key references users(id) on delete cascade,
  items jsonb not null,
  computed_at timestamptz not null default now(),
  expires_at timestamptz not null
);
