-- Accounts, sessions (refresh-token families), password resets and the embedded mailbox.
create extension if not exists pg_trgm;

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  email text not null,
  password_hash text not null,
  role text not null default 'viewer' check (role in ('viewer', 'creator', 'admin')),
  avatar_url text,
  bio text not null default '',
  banned_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Case-insensitive uniqueness: "Alice" and "alice" are one account.
create unique index users_username_key on users (lower(username));
create unique index users_email_key on users (lower(email));
create index users_created_at_idx on users (created_at);

create table refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  -- Every token minted by rotating one login shares a family; reuse of a spent token kills the family.
  family_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  rotated_at timestamptz,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table password_reset_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

-- The embedded mailer keeps outgoing mail here so an operator without SMTP can still read it.
create table mail_messages (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  text_body text not null,
  created_at timestamptz not null default now()
);
create index mail_messages_created_at_idx on mail_messages (created_at desc);
