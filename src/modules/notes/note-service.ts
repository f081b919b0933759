import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { NoteCollab } from './collab-server.ts';
import { docFromState, noteToMarkdown } from './note-content.ts';
import type { NoteAccess, NoteRole, NoteRow } from './note-access.ts';
import { markdownToPdf } from './note-pdf.ts';
import type { NoteKind, NoteSubjectKind, ShareRole } from './tables.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NoteView {
  note: NoteRow;
  role: NoteRole;
}

/** Notes over HTTP: finding and opening them, study-group links, named versions, exports. */
export class NoteService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly access: NoteAccess,
    private readonly collab: NoteCollab,
  ) {}

  /** The notes on a subject the actor can open: the team's, their own, and those shared with them. */
  async listForSubject(actor: AuthenticatedUser | undefined, kind: NoteSubjectKind, id: string): Promise<NoteView[]> {
    await this.access.subject(actor, kind, id);
    let query = this.db
      .selectFrom('note_documents')
      .selectAll()
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', id);
    if (actor?.role !== 'admin')
      query = query.where((eb) =>
        eb.or([
          eb('kind', '=', 'team'),
          ...(actor
            ? [
                eb('owner_id', '=', actor.id),
                eb(
                  'id',
                  'in',
                  eb.selectFrom('note_members').select('note_id').where('note_members.user_id', '=', actor.id),
                ),
              ]
            : []),
        ]),
      );
    const notes = await query.orderBy('kind', 'desc').orderBy('created_at').execute();
    const views: NoteView[] = [];
    for (const note of notes) {
      const role = await this.access.role(actor, note);
      if (role) views.push({ note, role });
    }
    return views;
  }

  /** The actor's personal notes on the subject, or the team's (subject team only); created on first use. */
  async open(actor: AuthenticatedUser, kind: NoteSubjectKind, id: string, noteKind: NoteKind): Promise<NoteView> {
    const subject = await this.access.subject(actor, kind, id);
    if (noteKind === 'team' && !subject.teamEditable) throw forbidden('Only the team can start the team notes');
    const ownerId = noteKind === 'team' ? subject.ownerId : actor.id;
    const title = noteKind === 'team' ? `${subject.title} — notes` : `${subject.title} — my notes`;
    await this.db
      .insertInto('note_documents')
      .values({ subject_kind: kind, subject_id: id, kind: noteKind, owner_id: ownerId, title })
      .onConflict((oc) => oc.doNothing())
      .execute();
    let query = this.db
      .selectFrom('note_documents')
      .selectAll()
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', id)
      .where('kind', '=', noteKind);
    if (noteKind === 'personal') query = query.where('owner_id', '=', actor.id);
    const note = await query.executeTakeFirstOrThrow();
    return { note, role: 'edit' };
  }

  /** The note and the actor's role; 404 without access (so a note does not reveal that it exists). */
  async get(actor: AuthenticatedUser | undefined, noteId: string): Promise<NoteView> {
    const note = await this.access.find(noteId);
    const role = note ? await this.access.role(actor, note) : undefined;
    if (!note || !role) throw notFound('Note');
    return { note, role };
  }

  private async editable(actor: AuthenticatedUser, noteId: string): Promise<NoteRow> {
    const { note, role } = await this.get(actor, noteId);
    if (role !== 'edit') throw forbidden('You can only view this note');
    return note;
  }

  private async owned(actor: AuthenticatedUser, noteId: string): Promise<NoteRow> {
    const note = await this.editable(actor, noteId);
    if (note.kind !== 'personal') throw badRequest('Team notes are shared with the course or video readers already');
    if (note.owner_id !== actor.id && actor.role !== 'admin') throw forbidden('Only the note owner can share it');
    return note;
  }

  /** A study-group link: the token is returned once, only its hash is kept. */
  async createShare(actor: AuthenticatedUser, noteId: string, role: ShareRole) {
    await this.owned(actor, noteId);
    const token = randomBytes(24).toString('base64url');
    const share = await this.db
      .insertInto('note_shares')
      .values({ note_id: noteId, token_hash: hashToken(token), role, created_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { share, token };
  }

  async listShares(actor: AuthenticatedUser, noteId: string) {
    await this.owned(actor, noteId);
    return this.db
      .selectFrom('note_shares')
      .select(['id', 'role', 'created_at', 'revoked_at'])
      .select((eb) =>
        eb
          .selectFrom('note_members')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('note_members.share_id', '=', 'note_shares.id')
          .as('members'),
      )
      .where('note_id', '=', noteId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Revoking a link takes its role away from everyone who joined with it (connected editors included). */
  async revokeShare(actor: AuthenticatedUser, noteId: string, shareId: string): Promise<void> {
    await this.owned(actor, noteId);
    const result = await this.db
      .updateTable('note_shares')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', shareId)
      .where('note_id', '=', noteId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Share link');
  }

  /** Joins the note of a link; a second link for the same note replaces the role of the first. */
  async join(actor: AuthenticatedUser, token: string): Promise<NoteView & { path: string }> {
    const share = await this.db
      .selectFrom('note_shares')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!share) throw notFound('Share link');
    const note = await this.access.find(share.note_id);
    if (!note) throw notFound('Share link');
    if (note.owner_id !== actor.id)
      await this.db
        .insertInto('note_members')
        .values({ note_id: note.id, user_id: actor.id, share_id: share.id, role: share.role })
        .onConflict((oc) => oc.columns(['note_id', 'user_id']).doUpdateSet({ share_id: share.id, role: share.role }))
        .execute();
    const subject = await this.access.subject(actor, note.subject_kind, note.subject_id);
    return { ...(await this.get(actor, note.id)), path: subject.path };
  }

  async listRevisions(actor: AuthenticatedUser | undefined, noteId: string) {
    await this.get(actor, noteId);
    return this.db
      .selectFrom('note_revisions')
      .leftJoin('users', 'users.id', 'note_revisions.created_by')
      .select(['note_revisions.id', 'note_revisions.name', 'note_revisions.created_at', 'users.username'])
      .select(sql<number>`octet_length(note_revisions.state)`.as('bytes'))
      .where('note_id', '=', noteId)
      .orderBy('note_revisions.created_at', 'desc')
      .execute();
  }

  /** Names the current content as a version. */
  async createRevision(actor: AuthenticatedUser, noteId: string, name: string) {
    await this.editable(actor, noteId);
    const state = await this.collab.currentState(noteId);
    return this.db
      .insertInto('note_revisions')
      .values({ note_id: noteId, name, state, created_by: actor.id })
      .returning(['id', 'name', 'created_at'])
      .executeTakeFirstOrThrow();
  }

  private async revisionState(noteId: string, revisionId: string): Promise<Uint8Array> {
    const row = await this.db
      .selectFrom('note_revisions')
      .select('state')
      .where('id', '=', revisionId)
      .where('note_id', '=', noteId)
      .executeTakeFirst();
    if (!row) throw notFound('Revision');
    return row.state;
  }

  /** A past version as Markdown (what the history panel shows). */
  async revisionMarkdown(actor: AuthenticatedUser | undefined, noteId: string, revisionId: string): Promise<string> {
    await this.get(actor, noteId);
    const doc = docFromState(await this.revisionState(noteId, revisionId));
    try {
      return noteToMarkdown(doc);
    } finally {
      doc.destroy();
    }
  }

  async restoreRevision(actor: AuthenticatedUser, noteId: string, revisionId: string): Promise<void> {
    await this.editable(actor, noteId);
    await this.collab.restore(noteId, await this.revisionState(noteId, revisionId), actor);
  }

  async exportMarkdown(
    actor: AuthenticatedUser | undefined,
    noteId: string,
  ): Promise<{ title: string; markdown: string }> {
    const { note } = await this.get(actor, noteId);
    const doc = docFromState(await this.collab.currentState(noteId));
    try {
      return { title: note.title, markdown: noteToMarkdown(doc) };
    } finally {
      doc.destroy();
    }
  }

  async exportPdf(actor: AuthenticatedUser | undefined, noteId: string): Promise<{ title: string; pdf: Buffer }> {
    const { title, markdown } = await this.exportMarkdown(actor, noteId);
    return { title, pdf: await markdownToPdf(title, markdown) };
  }
}
