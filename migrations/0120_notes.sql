-- Shared notes: a Yjs document per note, for a video or a course lesson (docs/NOTES.md).

-- One note. kind 'team' is the subject's own notes (the video's or course's creator edits them, every
-- reader of the subject views them), at most one per subject; kind 'personal' is a user's notes, shared
-- with a study group through links. `state` is the compacted Yjs state; newer updates are in note_updates.
create table note_documents (
  id uuid primary key default gen_random_uuid(),
  subject_kind text not null check (subject_kind in ('video', 'lesson')),
  subject_id uuid not null,
  kind text not null check (kind in ('team', 'personal')),
  owner_id uuid not null references users(id) on delete cascade,
  title text not null default '',
  state bytea,
  state_bytes integer not null default 0,
  compacted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index note_documents_team_idx on note_documents (subject_kind, subject_id) where kind = 'team';
create unique index note_documents_personal_idx on note_documents (subject_kind, subject_id, owner_id)
  where kind = 'personal';

-- Yjs updates appended as they arrive, folded into note_documents.state by compaction.
create table note_updates (
  id bigserial primary key,
  note_id uuid not null references note_documents(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  update bytea not null,
  created_at timestamptz not null default now()
);
create index note_updates_note_idx on note_updates (note_id, id);

-- Study-group invitations: a link (only its hash is kept) that grants a role on a personal note.
create table note_shares (
  id uuid primary key default gen_random_uuid(),
  note_id uuid not null references note_documents(id) on delete cascade,
  token_hash text not null unique,
  role text not null check (role in ('view', 'edit')),
  created_by uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index note_shares_note_idx on note_shares (note_id);

-- Who joined a note through a link, and with which role (the link's; revoking the link removes them).
create table note_members (
  note_id uuid not null references note_documents(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  share_id uuid not null references note_shares(id) on delete cascade,
  role text not null check (role in ('view', 'edit')),
  joined_at timestamptz not null default now(),
  primary key (note_id, user_id)
);

-- Named versions: the whole Yjs state at the moment, viewable and restorable.
create table note_revisions (
  id uuid primary key default gen_random_uuid(),
  note_id uuid not null references note_documents(id) on delete cascade,
  name text not null,
  state bytea not null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index note_revisions_note_idx on note_revisions (note_id, created_at desc);
