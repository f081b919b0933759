-- One table for every Idempotency-Key (src/platform/idempotency/): which resource a user's key created,
-- per scope (the kind of request: videos.create, playlists.create, comments.create, uploads.create),
-- and the SHA-256 of the request, so the same key with a different request is refused (409).
-- It replaces video_create_requests, playlist_create_requests and the key columns of comments and uploads.
create table idempotency_keys (
  user_id uuid not null references users(id) on delete cascade,
  scope text not null,
  idempotency_key text not null,
  request_hash text not null,
  -- No foreign key: the resource lives in the scope's table. A key whose resource is gone is released.
  resource_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (user_id, scope, idempotency_key)
);
-- The retention job forgets keys older than a day.
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);

-- Video, playlist and upload keys carry over as they are: their request hash was already the SHA-256 of
-- the request body's JSON, the one rule the shared helper keeps.
insert into idempotency_keys (user_id, scope, idempotency_key, request_hash, resource_id, created_at)
  select user_id, 'videos.create', idempotency_key, request_hash, video_id, created_at from video_create_requests;
insert into idempotency_keys (user_id, scope, idempotency_key, request_hash, resource_id, created_at)
  select user_id, 'playlists.create', idempotency_key, request_hash, playlist_id, created_at from playlist_create_requests;
insert into idempotency_keys (user_id, scope, idempotency_key, request_hash, resource_id, created_at)
  select user_id, 'uploads.create', idempotency_key, request_hash, id, created_at from uploads
  where idempotency_key is not null and request_hash is not null;
-- Comment keys are NOT carried over: comments kept the key but no request hash (the old rule compared
-- the stored video, thread and text), so no hash of the original request can be made here. Keys are
-- short-lived by design (a client retries within seconds; every other kind is pruned after a day), so
-- the only loss is that a comment retried across this upgrade with a pre-upgrade key posts again.

drop table video_create_requests;
drop table playlist_create_requests;
drop index uploads_idempotency_key;
alter table uploads drop column idempotency_key, drop column request_hash;
drop index comments_idempotency_key_idx;
alter table comments drop column idempotency_key;
