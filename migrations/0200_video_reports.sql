-- Viewers report a video to the moderators (the watch page's Report); an admin dismisses the reports or
-- takes the video down. One decision closes every open report of the video.
create table video_reports (
  id uuid primary key default gen_random_uuid(),
  video_id uuid not null references videos(id) on delete cascade,
  reporter_id uuid not null references users(id) on delete cascade,
  reason text not null check (reason in ('sexual', 'violent', 'hateful', 'harassment', 'harmful', 'child_safety', 'spam', 'misleading', 'other')),
  details text check (char_length(details) <= 1000),
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text check (resolution in ('dismiss', 'remove_video')),
  resolution_note text check (char_length(resolution_note) <= 1000),
  resolved_by uuid references users(id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  check ((status = 'open') = (resolution is null))
);
-- One open report per user and video: reporting again while it is open is the same report.
create unique index video_reports_one_open_idx on video_reports (video_id, reporter_id) where status = 'open';
-- The admin queue, oldest first, and the resolved history, newest first.
create index video_reports_open_idx on video_reports (created_at, id) where status = 'open';
create index video_reports_resolved_idx on video_reports (created_at desc, id desc) where status = 'resolved';
