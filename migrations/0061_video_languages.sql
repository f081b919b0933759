-- The language of each video's title and description and of its transcript, detected by fastText lid.176
-- (franc when the model cannot load). Null language: too short or too mixed to tell.
create table video_languages (
  video_id uuid primary key references videos(id) on delete cascade,
  metadata_language text,
  metadata_confidence real not null default 0,
  transcript_language text,
  transcript_confidence real not null default 0,
  detector text not null,
  updated_at timestamptz not null default now()
);
