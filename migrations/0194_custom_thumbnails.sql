-- Creator-uploaded thumbnails (docs/MEDIA.md, "Custom thumbnails").

-- The re-encoded upload, under a new key per upload (videos/<id>/thumbnails/<uuid>.jpg) so each version has
-- its own immutable URL; null means the generated poster (thumbnail_key) is shown. Kept apart from
-- thumbnail_key so reprocessing a video never overwrites the creator's choice.
alter table videos add column custom_thumbnail_key text;

-- Image moderation scores the custom thumbnail next to the poster and the frames.
alter table video_frame_scores drop constraint video_frame_scores_source_check;
alter table video_frame_scores add constraint video_frame_scores_source_check
  check (source in ('poster', 'frame', 'custom_thumbnail'));
