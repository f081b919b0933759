-- The AI layer's metering (src/platform/ai/, docs/AI.md): one row per provider call, local or remote,
-- including refused and failed ones, so spending can be reported per task, model, video and user.
-- The per-user quota and the global budget are sums over today's (UTC) remote rows.
create table ai_usage (
  id bigint generated always as identity primary key,
  task text not null,
  provider text not null check (provider in ('local', 'remote')),
  model text not null,
  outcome text not null check (outcome in ('ok', 'error', 'refused')),
  user_id uuid references users(id) on delete set null,
  video_id uuid references videos(id) on delete set null,
  input_tokens integer not null default 0,
  output_tokens integer not null default 0,
  audio_seconds double precision not null default 0,
  cost_usd double precision not null default 0,
  duration_ms integer not null default 0,
  error text,
  created_at timestamptz not null default now()
);
create index ai_usage_remote_day_idx on ai_usage (created_at) where provider = 'remote';
create index ai_usage_remote_user_day_idx on ai_usage (user_id, created_at) where provider = 'remote';
create index ai_usage_video_idx on ai_usage (video_id) where video_id is not null;
