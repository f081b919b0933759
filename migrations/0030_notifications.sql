-- Notifications: the in-app list, its idempotency receipts, per-user preferences, and mail headers.

-- One row per thing shown in a user's list. Several close events can collapse into one row
-- (`group_key`, `item_count`): "3 new videos from X". `position` orders the list (newest first) and
-- is re-drawn from the sequence when a row collapses another event in, so it moves back to the top;
-- it is unique, so it is an exact keyset cursor.
create sequence notifications_position_seq;
create table notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references users(id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.]{1,60}$'),
  -- Collapse key within one recipient's unread rows (null: never collapses).
  group_key text,
  actor_id uuid references users(id) on delete set null,
  -- What the notification is about (ids and the few names needed to render it), newest event's.
  data jsonb not null default '{}',
  item_count integer not null default 1 check (item_count >= 1),
  position bigint not null default nextval('notifications_position_seq'),
  -- Mail still owed for this row: 'immediate' (the mail job sends it), 'digest' (the next digest), null.
  mail_pending text check (mail_pending in ('immediate', 'digest')),
  read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index notifications_recipient_position_idx on notifications (recipient_id, position desc);
-- The unread badge: an index-only count of a user's unread rows.
create index notifications_unread_idx on notifications (recipient_id) where read_at is null;
create index notifications_collapse_idx on notifications (recipient_id, group_key) where read_at is null and group_key is not null;
create index notifications_mail_pending_idx on notifications (mail_pending, recipient_id) where mail_pending is not null;

-- Idempotency: one receipt per (source event, recipient). A redelivered event finds its receipts and
-- notifies nobody twice, even when its notification was collapsed into another row or deleted.
create table notification_receipts (
  source_key text not null,
  recipient_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (source_key, recipient_id)
);
create index notification_receipts_created_idx on notification_receipts (created_at);

-- Per user and kind: how it is delivered. A missing row means the kind's default.
create table notification_preferences (
  user_id uuid not null references users(id) on delete cascade,
  kind text not null,
  delivery text not null check (delivery in ('in_app', 'mail_immediate', 'mail_digest', 'off')),
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);

-- Headers of kept mail (List-Unsubscribe, ...), so the embedded mailbox shows what SMTP would send.
alter table mail_messages add column headers jsonb not null default '{}';
