-- Idempotency-Key on POST /api/v1/videos: a client that retries a create (lost response, double
-- click) with the same key gets the video it already created, never a second one.
create table video_create_requests (
  user_id uuid not null references users(id) on delete cascade,
  idempotency_key text not null,
  -- SHA-256 of the request body: the same key with a different body is a client bug, answered 409.
  request_hash text not null,
  video_id uuid not null references videos(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, idempotency_key)
);
