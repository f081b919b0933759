-- Automatic moderation of comments and video titles/descriptions: one case per scored subject, with the
-- scores and the model that produced them, the admin's review and the owner's single appeal.

create table moderation_cases (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null check (subject_type in ('comment', 'video')),
  -- A comment or a video id (no foreign key: two tables); cases of purged subjects drop out of the queue's joins.
  subject_id uuid not null,
  -- Who may appeal: the comment's author or the video's creator.
  owner_id uuid not null references users(id) on delete cascade,
  -- SHA-256 of the scored text: a redelivered or metadata-only event with the same text changes nothing.
  content_hash text not null,
  -- {"toxicity": 0.93, "spam": 0.02, "profanity": 0.41}
  scores jsonb not null,
  top_category text not null,
  top_score real not null check (top_score between 0 and 1),
  reasons jsonb not null default '[]',
  model_name text not null,
  model_version text not null,
  -- clear: under the threshold; pending: waiting for an admin; approved / rejected: decided.
  status text not null check (status in ('clear', 'pending', 'approved', 'rejected')),
  -- Videos only: kept out of public lists (search, channel pages, autocomplete) until approved.
  held boolean not null default false,
  appeal_message text check (char_length(appeal_message) <= 1000),
  appealed_at timestamptz,
  reviewed_by uuid references users(id) on delete set null,
  reviewed_at timestamptz,
  review_note text check (char_length(review_note) <= 1000),
  -- When the case (re-)entered the queue: flagged, re-flagged after an edit, or appealed. Milliseconds for cursors.
  queued_at timestamptz,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default now(),
  unique (subject_type, subject_id),
  check (status <> 'pending' or queued_at is not null)
);
-- The review queue, oldest first, and the decided history, newest first.
create index moderation_cases_queue_idx on moderation_cases (queued_at, id) where status = 'pending';
create index moderation_cases_decided_idx on moderation_cases (reviewed_at desc, id desc) where status in ('approved', 'rejected');
-- Public video lists skip held videos with a lookup on this.
create index moderation_cases_held_videos_idx on moderation_cases (subject_id) where subject_type = 'video' and held;
