-- Operations: the heartbeat of every StreamHub process (API, worker, live ingest) with the figures the
-- admin ops console shows, and the structured logs of every process: partitioned by day (whole days past
-- OPS_LOG_RETENTION_DAYS are dropped, and at most the newest OPS_LOG_MAX_ROWS rows are kept) and searchable
-- by level, request id, text and time.

create table ops_processes (
  id text primary key,
  kind text not null check (kind in ('api', 'worker', 'live', 'cli')),
  host text not null,
  pid integer not null,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- rss, heap, event-loop delay, cache lookups, db pool: whatever the process reports (ops-heartbeat.ts).
  stats jsonb not null default '{}'
);

create table ops_logs (
  id bigserial not null,
  at timestamptz not null,
  level smallint not null,
  process_id text not null,
  request_id text,
  message text not null,
  -- The whole pino line (credentials redacted before it is written).
  line jsonb not null,
  primary key (id, at)
) partition by range (at);
-- Day partitions (ops_logs_YYYYMMDD) are created ahead by the processes that write logs (log-sink.ts).
create index ops_logs_at_idx on ops_logs (at desc);
create index ops_logs_request_idx on ops_logs (request_id) where request_id is not null;
create index ops_logs_level_idx on ops_logs (level, at desc);
