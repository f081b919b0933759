-- What a video's derived objects really occupy in storage: everything in its folder but the source
-- (HLS renditions, poster, storyboard, captions, moderation frames), as summed from the store's own
-- listing by the writers of those objects (src/modules/videos/processed-bytes.ts). Null means never
-- measured: videos processed before this column existed (`streamhub rebuild storage-usage` fills them)
-- and runs in flight. The listing's start (database clock) lets a later listing win over an earlier one
-- that finishes last.
alter table videos add column processed_bytes bigint, add column processed_bytes_listed_at timestamptz;
