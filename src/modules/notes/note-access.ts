import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { LessonLookup } from '../courses/lesson-lookup.ts';
import type { VideoService } from '../videos/service.ts';
import type { NoteDocumentsTable, NoteSubjectKind } from './tables.ts';

export type NoteRow = Selectable<NoteDocumentsTable>;
/** What a user may do with a note; `undefined` is no access at all. */
export type NoteRole = 'edit' | 'view';

export interface Subject {
  kind: NoteSubjectKind;
  id: string;
  title: string;
  /** The user who owns the subject (the video's or the course's creator): the team notes are theirs. */
  ownerId: string;
  /** The actor may edit the subject's team notes. */
  teamEditable: boolean;
  /** Where the subject is in the web app (the notes panel is on that page). */
  path: string;
}

/**
 * Who may do what with a note. Team notes: the subject's team edits, its readers view. Personal
 * notes: the owner edits; study-group members have the role of the link they joined with. Admins edit
 * everything. Checked on every request, when a socket connects, and again (cached briefly) on updates.
 */
export class NoteAccess {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly videos: VideoService,
    private readonly lessons: LessonLookup,
  ) {}

  /** The subject if the actor may read it; 404 otherwise. */
  async subject(actor: AuthenticatedUser | undefined, kind: NoteSubjectKind, id: string): Promise<Subject> {
    if (kind === 'video') {
      const video = await this.videos.getVisible(actor, id);
      const teamEditable = actor !== undefined && (actor.id === video.creator_id || actor.role === 'admin');
      return { kind, id, title: video.title, ownerId: video.creator_id, teamEditable, path: `/watch/${id}` };
    }
    const lesson = await this.lessons.readable(actor, id);
    return {
      kind,
      id,
      title: lesson.title,
      ownerId: lesson.creatorId,
      teamEditable: lesson.teamEditable,
      path: `/courses/${lesson.courseId}/lessons/${id}`,
    };
  }

  find(id: string): Promise<NoteRow | undefined> {
    return this.db.selectFrom('note_documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async role(actor: AuthenticatedUser | undefined, note: NoteRow): Promise<NoteRole | undefined> {
    if (actor?.role === 'admin') return 'edit';
    if (note.kind === 'team') {
      const subject = await this.subject(actor, note.subject_kind, note.subject_id).catch(() => undefined);
      if (!subject) return undefined;
      return subject.teamEditable ? 'edit' : 'view';
    }
    if (!actor) return undefined;
    if (actor.id === note.owner_id) return 'edit';
    const member = await this.db
      .selectFrom('note_members')
      .innerJoin('note_shares', 'note_shares.id', 'note_members.share_id')
      .select('note_members.role')
      .where('note_members.note_id', '=', note.id)
      .where('note_members.user_id', '=', actor.id)
      .where('note_shares.revoked_at', 'is', null)
      .executeTakeFirst();
    return member?.role;
  }
}
