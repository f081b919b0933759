-- One row per upload attempt of a video's source, whichever way the bytes travel: the tus endpoint
-- (through our server) or the S3 direct flow (presigned multipart, straight to the store).
-- One table for both so that "one active upload per video" and "N uploads per user per day" are
-- each a single index or count, whatever mix of methods a client uses.
create table uploads (
  id uuid primary key default gen_random_uuid(),
  video_id uuid not null references videos(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  method text not null check (method in ('tus', 'direct')),
  -- pending: bytes may still arrive; completing: one finaliser holds the lease (see lease_until);
  -- completed: the source is in place and the video processing; rejected: not media, bytes removed;
  -- aborted: the client cancelled; expired: abandoned, bytes removed by the sweeper.
  state text not null default 'pending'
    check (state in ('pending', 'completing', 'completed', 'rejected', 'aborted', 'expired')),
  size_bytes bigint not null check (size_bytes >= 0),
  filename text,
  content_type text,
  -- Where the bytes are staged: the tus upload id, or the object key of a direct upload.
  store_id text not null,
  -- The store's multipart upload id (direct uploads only).
  multipart_upload_id text,
  part_size bigint,
  idempotency_key text,
  -- SHA-256 of the upload-url request: the same key with a different request is a client bug.
  request_hash text,
  failure_reason text,
  -- A finaliser that crashed leaves 'completing' behind; after this instant another may take over.
  lease_until timestamptz,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- At most one upload per video receives or finalises bytes at a time (both write videos/<id>/source).
create unique index uploads_one_active_per_video on uploads (video_id) where state in ('pending', 'completing');
-- The daily quota counts a user's uploads started in the last 24 hours.
create index uploads_user_started_idx on uploads (user_id, created_at);
create unique index uploads_idempotency_key on uploads (user_id, idempotency_key) where idempotency_key is not null;
create index uploads_pending_expiry_idx on uploads (expires_at) where state = 'pending';
