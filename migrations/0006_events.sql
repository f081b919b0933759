-- Domain events (src/platform/events/, docs/EVENTS.md): a transactional outbox, per-consumer
-- deliveries for the embedded dispatcher, idempotency marks and dead letters.

-- Written in the same transaction as the change it announces. The identity gives the order the
-- relay reads in; relayed_at is set once the row was handed on (to event_deliveries in embedded
-- mode, to a Redis stream in scale-out mode).
create table outbox_events (
  id bigint generated always as identity primary key,
  topic text not null,
  partition_key text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  relayed_at timestamptz
);
create index outbox_events_unrelayed_idx on outbox_events (id) where relayed_at is null;
create index outbox_events_relayed_idx on outbox_events (relayed_at) where relayed_at is not null;

-- Embedded mode: the durable subscriptions. The relay fans each event out to every consumer
-- registered here whose topics include it, whether or not a process runs that consumer right now.
create table event_consumers (
  consumer text primary key,
  topics text[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Embedded mode: one row per (consumer, event) still to be handled. Deleted when the handler
-- succeeded (a processed_events row is written in the same transaction) or when the event was
-- dead-lettered, so an event of a key is claimable only once no earlier row of that key is left.
create table event_deliveries (
  consumer text not null,
  event_id bigint not null,
  partition_key text not null,
  -- Runs started; the claim increments it, so (locked_by, attempts) names one run.
  attempts integer not null default 0,
  -- Retry backoff moves it forward.
  available_at timestamptz not null default now(),
  -- A run holds the row until locked_until; past it the run is presumed dead and the row claimable.
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
-- Claiming and the "no earlier event of this key pending" test.
create index event_deliveries_key_idx on event_deliveries (consumer, partition_key, event_id);

-- Idempotency: a consumer that finds its mark here skips the event (both modes).
create table processed_events (
  consumer text not null,
  event_id bigint not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
create index processed_events_processed_at_idx on processed_events (processed_at);

-- Events a consumer gave up on after its attempts; an admin lists and replays them.
create table event_dead_letters (
  id bigint generated always as identity primary key,
  consumer text not null,
  event_id bigint not null,
  topic text not null,
  partition_key text not null,
  payload jsonb not null,
  event_created_at timestamptz not null,
  error text not null,
  attempts integer not null,
  failed_at timestamptz not null default now(),
  replayed_at timestamptz
);
create index event_dead_letters_open_idx on event_dead_letters (failed_at desc) where replayed_at is null;
