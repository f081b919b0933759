-- Videos and their HLS renditions. A video is created as metadata first (status 'uploading'),
-- receives its source bytes through an upload, is processed, and becomes 'ready' or 'failed'.
create table videos (
  id uuid primary key default gen_random_uuid(),
  creator_id uuid not null references users(id) on delete cascade,
  title text not null,
  description text not null default '',
  tags text[] not null default '{}',
  category text,
  visibility text not null default 'public' check (visibility in ('public', 'unlisted', 'private')),
  status text not null default 'uploading' check (status in ('uploading', 'processing', 'ready', 'failed', 'deleted')),
  failure_reason text,
  -- Source upload.
  source_key text,
  source_size_bytes bigint,
  original_filename text,
  uploaded_at timestamptz,
  -- Probe results, written together with the outputs when processing completes.
  duration_seconds double precision,
  width integer,
  height integer,
  fps double precision,
  video_codec text,
  audio_codec text,
  bitrate bigint,
  has_audio boolean,
  rotation integer,
  -- Outputs (object-storage keys).
  master_playlist_key text,
  thumbnail_key text,
  storyboard_image_key text,
  storyboard_vtt_key text,
  processing_progress real not null default 0,
  processed_at timestamptz,
  -- Denormalised engagement counters (derived; rebuilt from their source rows).
  view_count bigint not null default 0,
  like_count integer not null default 0,
  comment_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index videos_creator_idx on videos (creator_id, created_at desc);
create index videos_status_idx on videos (status);
create index videos_public_recent_idx on videos (created_at desc) where status = 'ready' and visibility = 'public';
create index videos_tags_idx on videos using gin (tags);
create index videos_category_idx on videos (category);

create table video_renditions (
  video_id uuid not null references videos(id) on delete cascade,
  name text not null,
  kind text not null check (kind in ('video', 'audio')),
  width integer,
  height integer,
  bandwidth integer not null,
  codecs text not null,
  playlist_key text not null,
  primary key (video_id, name)
);
