import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type NoteSubjectKind = 'video' | 'lesson';
export type NoteKind = 'team' | 'personal';
export type ShareRole = 'view' | 'edit';

/** See migrations/0120_notes.sql. */
export interface NoteDocumentsTable {
  id: Generated<string>;
  subject_kind: NoteSubjectKind;
  subject_id: string;
  kind: NoteKind;
  owner_id: string;
  title: Generated<string>;
  state: Uint8Array | null;
  state_bytes: Generated<number>;
  compacted_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NoteUpdatesTable {
  id: Generated<string>;
  note_id: string;
  user_id: string | null;
  update: Uint8Array;
  created_at: CreatedAt;
}

export interface NoteSharesTable {
  id: Generated<string>;
  note_id: string;
  token_hash: string;
  role: ShareRole;
  created_by: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface NoteMembersTable {
  note_id: string;
  user_id: string;
  share_id: string;
  role: ShareRole;
  joined_at: CreatedAt;
}

export interface NoteRevisionsTable {
  id: Generated<string>;
  note_id: string;
  name: string;
  state: Uint8Array;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface NoteTables {
  note_documents: NoteDocumentsTable;
  note_updates: NoteUpdatesTable;
  note_shares: NoteSharesTable;
  note_members: NoteMembersTable;
  note_revisions: NoteRevisionsTable;
}
