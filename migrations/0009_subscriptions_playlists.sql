-- Subscriptions (a user follows a channel, i.e. another user), their counters, and playlists.

create table subscriptions (
  subscriber_id uuid not null references users(id) on delete cascade,
  channel_id uuid not null references users(id) on delete cascade,
  notifications_enabled boolean not null default true,
  -- Insertion order for "newest first" lists: an exact, unique keyset, unlike a timestamp that
  -- JavaScript would round to milliseconds in a cursor.
  seq bigint generated always as identity,
  created_at timestamptz not null default now(),
  primary key (subscriber_id, channel_id),
  constraint subscriptions_not_self check (subscriber_id <> channel_id)
);
create index subscriptions_followers_idx on subscriptions (channel_id, seq desc);
create index subscriptions_following_idx on subscriptions (subscriber_id, seq desc);

-- Derived counters, kept in the transaction that inserts or deletes a subscription row (rebuildable
-- from `subscriptions`). A missing row means zero.
create table channel_stats (
  user_id uuid primary key references users(id) on delete cascade,
  subscriber_count integer not null default 0 check (subscriber_count >= 0),
  subscription_count integer not null default 0 check (subscription_count >= 0)
);

create table playlists (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references users(id) on delete cascade,
  kind text not null default 'regular' check (kind in ('regular', 'watch_later')),
  title text not null check (char_length(title) between 1 and 150),
  description text not null default '' check (char_length(description) <= 5000),
  visibility text not null default 'public' check (visibility in ('public', 'unlisted', 'private')),
  -- Entries, hidden ones included; recounted by every edit under the playlist's row lock.
  item_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index playlists_owner_recent_idx on playlists (owner_id, created_at desc, id desc);
-- One built-in Watch later per user; the lazy get-or-create relies on it.
create unique index playlists_one_watch_later_idx on playlists (owner_id) where kind = 'watch_later';

-- Which playlist an Idempotency-Key created, per user, so a retried POST /playlists returns it.
create table playlist_create_requests (
  user_id uuid not null references users(id) on delete cascade,
  idempotency_key text not null,
  -- SHA-256 of the request body: the same key with a different body is a client bug, answered 409.
  request_hash text not null,
  playlist_id uuid not null references playlists(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, idempotency_key)
);

create table playlist_items (
  playlist_id uuid not null references playlists(id) on delete cascade,
  video_id uuid not null references videos(id) on delete cascade,
  position integer not null check (position >= 0),
  added_at timestamptz not null default now(),
  primary key (playlist_id, video_id),
  -- Positions are dense (0..n-1) and unique. Deferred, so an edit can shift a run of positions in one
  -- UPDATE and be checked at commit: a buggy or unserialised edit fails instead of committing duplicates.
  constraint playlist_items_position_key unique (playlist_id, position) deferrable initially deferred
);
create index playlist_items_video_idx on playlist_items (video_id);
