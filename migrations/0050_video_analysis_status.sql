-- Where each video's AI analysis stands (docs/AI.md, "What happens to a video"), so the creator's studio
-- can say "transcribing", "analysing", "done" or "failed: <reason>" without reading the job queue,
-- whose records differ between the PostgreSQL queue and BullMQ. Written by the analyse-video job and
-- by the re-run action; a video without a row has not been analysed since this table exists.
create table video_analysis_status (
  video_id uuid primary key references videos(id) on delete cascade,
  state text not null check (state in ('queued', 'transcribing', 'analysing', 'done', 'failed')),
  failure_reason text,
  updated_at timestamptz not null default now()
);
