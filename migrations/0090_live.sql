-- Live streaming: per-channel stream keys, live streams and premieres, and their chat.

-- A channel's RTMP stream keys. Only a hash is kept: the key itself is shown once when created or
-- rotated. `prefix` (the first characters) lets the studio tell keys apart without revealing them.
create table live_stream_keys (
  id uuid primary key default gen_random_uuid(),
  channel_id uuid not null references users(id) on delete cascade,
  key_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index live_stream_keys_channel_idx on live_stream_keys (channel_id) where revoked_at is null;

-- One broadcast: a live stream from an encoder (kind 'live') or a ready video played as if live at a
-- set time (kind 'premiere'). States: scheduled -> live -> ended -> processing -> ready (or failed).
create table live_streams (
  id uuid primary key default gen_random_uuid(),
  channel_id uuid not null references users(id) on delete cascade,
  kind text not null default 'live' check (kind in ('live', 'premiere')),
  title text not null,
  description text not null default '',
  status text not null default 'scheduled'
    check (status in ('scheduled', 'live', 'ended', 'processing', 'ready', 'failed')),
  scheduled_at timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  -- The premiere's video, or the recording once the live stream has ended.
  video_id uuid references videos(id) on delete set null,
  -- Which API/ingest process holds the stream's encoder connection (ingest bookkeeping).
  ingest_node text,
  -- Chat settings.
  slow_mode_seconds integer not null default 0 check (slow_mode_seconds >= 0),
  subscribers_only boolean not null default false,
  pinned_message_id bigint,
  failure_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index live_streams_channel_idx on live_streams (channel_id, created_at desc);
create index live_streams_active_idx on live_streams (status) where status in ('scheduled', 'live');
create index live_streams_video_idx on live_streams (video_id) where video_id is not null;

-- Chat history, ordered by id (what a reconnecting client resumes after). `offset_ms` is the time
-- since the stream started, so the recording can replay the chat in sync with playback.
create table live_chat_messages (
  id bigint generated always as identity primary key,
  stream_id uuid not null references live_streams(id) on delete cascade,
  author_id uuid not null references users(id) on delete cascade,
  body text not null,
  status text not null default 'visible' check (status in ('visible', 'held', 'deleted')),
  offset_ms bigint not null default 0,
  created_at timestamptz not null default now()
);
create index live_chat_messages_stream_idx on live_chat_messages (stream_id, id);

-- Channel chat moderators appointed by the creator, and chat bans/time-outs per channel.
create table live_chat_moderators (
  channel_id uuid not null references users(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (channel_id, user_id)
);

create table live_chat_bans (
  channel_id uuid not null references users(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  -- null: banned until lifted; otherwise a time-out that ends at this time.
  until timestamptz,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (channel_id, user_id)
);
