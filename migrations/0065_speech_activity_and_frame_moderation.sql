-- Voice activity and image moderation (docs/AI.md, "Speech, images, language").

-- What voice activity detection found in a video's audio before recognition. speech_seconds = 0 is the
-- answer "no speech detected" (music, silence or no audio track): such a video has no transcript rather
-- than an empty one, and the analysis does not run the recogniser again on a retry.
create table video_speech_activity (
  video_id uuid primary key references videos(id) on delete cascade,
  audio_seconds real not null check (audio_seconds >= 0),
  speech_seconds real not null check (speech_seconds >= 0),
  regions integer not null check (regions >= 0),
  model_name text not null,
  updated_at timestamptz not null default now()
);

-- Image moderation scores of a video's poster and sampled frames. The frame images themselves sit in
-- storage (image_key) so the admin review queue can show what was flagged; at_seconds is null for the poster.
create table video_frame_scores (
  video_id uuid not null references videos(id) on delete cascade,
  position integer not null check (position >= 0),
  source text not null check (source in ('poster', 'frame')),
  at_seconds real check (at_seconds >= 0),
  -- {"porn": 0.91, "sexy": 0.05, "hentai": 0.01, "drawing": 0.02, "neutral": 0.01}
  scores jsonb not null,
  unsafe_score real not null check (unsafe_score between 0 and 1),
  image_key text not null,
  primary key (video_id, position)
);

-- A video's pictures are a moderation subject of their own ('video_image'), next to its title and
-- description ('video'): each keeps its own scores, review and appeal, and either can hold the video.
alter table moderation_cases drop constraint moderation_cases_subject_type_check;
alter table moderation_cases add constraint moderation_cases_subject_type_check
  check (subject_type in ('comment', 'video', 'video_image'));
create index moderation_cases_held_video_images_idx on moderation_cases (subject_id)
  where subject_type = 'video_image' and held;
