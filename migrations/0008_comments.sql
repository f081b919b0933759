-- Comments on videos (threads one level deep, like YouTube), their likes, per-video comment settings,
-- and user reports on comments with their moderation outcome.

create table comments (
  id uuid primary key default gen_random_uuid(),
  video_id uuid not null references videos(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  -- The top-level comment of the thread; null for a top-level comment. A reply to a reply points at
  -- the thread's top-level comment too, so threads never nest deeper than one level.
  parent_id uuid references comments(id) on delete cascade,
  -- Whose reply this answers when it replies to a reply (the "@name" mention of the thread view).
  reply_to_user_id uuid references users(id) on delete set null,
  -- Verbatim, as the author typed it (trimmed); clients escape it when rendering.
  text text not null check (char_length(text) between 1 and 10000),
  is_edited boolean not null default false,
  like_count integer not null default 0 check (like_count >= 0),
  -- Replies that are neither deleted nor hidden: what a viewer can expand.
  reply_count integer not null default 0 check (reply_count >= 0),
  -- Hidden by the video owner or an admin: only the author, the owner and admins still see it.
  hidden_at timestamptz,
  hidden_by uuid references users(id) on delete set null,
  -- Soft delete: the row stays (replies and reports keep their thread), responses show a tombstone.
  deleted_at timestamptz,
  deleted_by uuid references users(id) on delete set null,
  -- The Idempotency-Key of the request that created it: a retried POST gets this comment, not a second one.
  idempotency_key text,
  -- Milliseconds, like the JS Dates that carry it into keyset cursors: a cursor then names a row exactly.
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default now()
);
-- Keyset pagination of a video's top-level comments, one index per sort order.
create index comments_video_newest_idx on comments (video_id, created_at desc, id desc) where parent_id is null;
create index comments_video_top_idx on comments (video_id, like_count desc, id desc) where parent_id is null;
-- A thread's replies, oldest first.
create index comments_thread_idx on comments (parent_id, created_at, id) where parent_id is not null;
create index comments_user_idx on comments (user_id);
create unique index comments_idempotency_key_idx on comments (user_id, idempotency_key) where idempotency_key is not null;

-- One row per (comment, user): liking twice is one like, and like_count is kept equal to the rows.
create table comment_likes (
  comment_id uuid not null references comments(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (comment_id, user_id)
);
create index comment_likes_user_idx on comment_likes (user_id);

-- Only videos whose owner changed a setting have a row; no row means comments are on.
create table video_comment_settings (
  video_id uuid primary key references videos(id) on delete cascade,
  comments_enabled boolean not null,
  updated_at timestamptz not null default now()
);

create table comment_reports (
  id uuid primary key default gen_random_uuid(),
  comment_id uuid not null references comments(id) on delete cascade,
  reporter_id uuid not null references users(id) on delete cascade,
  reason text not null check (reason in ('spam', 'harassment', 'hate', 'misinformation', 'other')),
  details text check (char_length(details) <= 1000),
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text check (resolution in ('dismiss', 'hide_comment', 'ban_user')),
  resolution_note text check (char_length(resolution_note) <= 1000),
  resolved_by uuid references users(id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  check ((status = 'open') = (resolution is null))
);
-- One open report per user and comment: reporting again while it is open is the same report.
create unique index comment_reports_one_open_idx on comment_reports (comment_id, reporter_id) where status = 'open';
-- The admin queue, oldest first, and the resolved history, newest first.
create index comment_reports_open_idx on comment_reports (created_at, id) where status = 'open';
create index comment_reports_resolved_idx on comment_reports (created_at desc, id desc) where status = 'resolved';
