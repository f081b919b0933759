-- What the AI layer derives from a video (src/modules/intelligence/, docs/AI.md): the transcript with
-- its time-stamped segments, the summary, key points and chapters, and embeddings for semantic search
-- and Q&A. Every output names the model (and version) that made it, so a better model can replace it;
-- `edited_at` marks a creator's edit, which re-runs never overwrite.

-- pgvector when the server has it (PGlite ships it); otherwise vector search runs in-process over the
-- same real[] columns, and /ready says so.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'vector') then
    create extension if not exists vector;
  end if;
end
$$;

create table video_transcripts (
  video_id uuid primary key references videos(id) on delete cascade,
  language text not null,
  model_provider text not null,
  model_name text not null,
  model_version text not null,
  edited_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table transcript_segments (
  video_id uuid not null references video_transcripts(video_id) on delete cascade,
  position integer not null check (position >= 0),
  start_seconds double precision not null check (start_seconds >= 0),
  end_seconds double precision not null check (end_seconds >= start_seconds),
  text text not null,
  -- The transcript feeds keyword search and the keyword half of hybrid retrieval.
  document tsvector generated always as (to_tsvector('english', text)) stored,
  primary key (video_id, position)
);
create index transcript_segments_document_idx on transcript_segments using gin (document);

create table video_insights (
  video_id uuid primary key references videos(id) on delete cascade,
  summary text not null,
  key_points text[] not null default '{}',
  -- [{ "title": text, "startSeconds": number }], ordered by start.
  chapters jsonb not null default '[]',
  model_provider text not null,
  model_name text not null,
  model_version text not null,
  -- The transcript state the insights were computed from; a newer transcript makes them stale.
  transcript_updated_at timestamptz,
  edited_at timestamptz,
  updated_at timestamptz not null default now()
);

-- One vector per video (title, description, tags, summary) and per transcript segment. real[] so the
-- same table works with and without pgvector; with it, distances are computed by `embedding::vector`.
create table video_embeddings (
  video_id uuid primary key references videos(id) on delete cascade,
  model text not null,
  -- SHA-256 of the embedded text: unchanged text is not embedded again.
  content_hash text not null,
  embedding real[] not null,
  updated_at timestamptz not null default now()
);
create index video_embeddings_model_idx on video_embeddings (model);

create table segment_embeddings (
  video_id uuid not null references videos(id) on delete cascade,
  position integer not null,
  model text not null,
  content_hash text not null,
  embedding real[] not null,
  primary key (video_id, position)
);

-- Q&A answers, cached by (video, normalised question, the transcript and generator they came from).
create table video_answers (
  video_id uuid not null references videos(id) on delete cascade,
  question_hash text not null,
  question text not null,
  answer jsonb not null,
  created_at timestamptz not null default now(),
  primary key (video_id, question_hash)
);
