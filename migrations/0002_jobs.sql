-- The embedded job queue (src/platform/jobs/postgres-job-queue.ts, docs/JOBS.md).
-- With REDIS_URL set jobs live in BullMQ instead and this table stays empty.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  queue text not null,
  name text not null,
  payload jsonb not null,
  -- Lower runs first: 1 high, 5 normal, 10 low.
  priority smallint not null default 5,
  status text not null default 'waiting' check (status in ('waiting', 'active', 'completed', 'failed')),
  -- Runs started; a worker claiming the job increments it, so (locked_by, attempts) names one run.
  attempts integer not null default 0,
  max_attempts integer not null check (max_attempts >= 1),
  backoff_ms integer not null check (backoff_ms >= 0),
  timeout_ms integer not null check (timeout_ms > 0),
  -- When a waiting job may next be claimed (delays and retry backoff move it forward).
  run_at timestamptz not null default now(),
  -- An active job whose lease has passed belongs to a dead worker; the sweeper takes it back.
  lease_expires_at timestamptz,
  locked_by text,
  progress double precision not null default 0,
  last_error text,
  dedupe_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
-- Claiming: the next due job of one queue, by priority then age.
create index jobs_claim_idx on jobs (queue, priority, run_at) where status = 'waiting';
-- Sweeping: active jobs by lease expiry.
create index jobs_lease_idx on jobs (lease_expires_at) where status = 'active';
-- The dead-letter list, newest first, and pruning of old completed jobs.
create index jobs_failed_idx on jobs (finished_at desc) where status = 'failed';
create index jobs_completed_idx on jobs (finished_at) where status = 'completed';
-- At most one live job per dedupe key; finished jobs free the key.
create unique index jobs_dedupe_key on jobs (queue, dedupe_key) where status in ('waiting', 'active');
