import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import type { CaseStatus, CaseSubject, ModerationCasesTable } from './tables.ts';

export type CaseRow = Selectable<ModerationCasesTable>;

/** A case joined (read only) with what it is about: the comment or video text, its owner, the video title. */
export interface QueueCaseRow extends CaseRow {
  owner_username: string;
  comment_text: string | null;
  video_id: string | null;
  video_title: string | null;
  video_description: string | null;
}

export interface Assessment {
  subjectType: CaseSubject;
  subjectId: string;
  ownerId: string;
  contentHash: string;
  scores: Record<string, number>;
  topCategory: string;
  topScore: number;
  reasons: string[];
  model: { name: string; version: string };
  status: 'clear' | 'pending';
  held: boolean;
}

export const caseRepo = {
  find(db: Executor, subjectType: CaseSubject, subjectId: string): Promise<CaseRow | undefined> {
    return db
      .selectFrom('moderation_cases')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
  },

  findById(db: Executor, id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('moderation_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Row-locks the case: review decisions and appeals on one case serialise. */
  findForUpdate(db: Executor, id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('moderation_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** A new assessment replaces the previous one (new text); the appeal already spent stays spent. */
  upsert(db: Executor, assessment: Assessment): Promise<CaseRow> {
    const values = {
      content_hash: assessment.contentHash,
      scores: JSON.stringify(assessment.scores),
      top_category: assessment.topCategory,
      top_score: assessment.topScore,
      reasons: JSON.stringify(assessment.reasons),
      model_name: assessment.model.name,
      model_version: assessment.model.version,
      status: assessment.status,
      held: assessment.held,
      queued_at: assessment.status === 'pending' ? sql<Date>`date_trunc('milliseconds', now())` : null,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
      updated_at: new Date(),
    };
    return db
      .insertInto('moderation_cases')
      .values({
        subject_type: assessment.subjectType,
        subject_id: assessment.subjectId,
        owner_id: assessment.ownerId,
        ...values,
      })
      .onConflict((conflict) => conflict.columns(['subject_type', 'subject_id']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  decide(
    db: Executor,
    id: string,
    decision: { status: 'approved' | 'rejected'; adminId: string; note?: string; held: boolean },
  ): Promise<CaseRow> {
    return db
      .updateTable('moderation_cases')
      .set({
        status: decision.status,
        reviewed_by: decision.adminId,
        reviewed_at: sql<Date>`date_trunc('milliseconds', now())`,
        review_note: decision.note ?? null,
        held: decision.held,
        queued_at: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  appeal(db: Executor, id: string, message: string): Promise<CaseRow> {
    return db
      .updateTable('moderation_cases')
      .set({
        status: 'pending',
        appeal_message: message,
        appealed_at: new Date(),
        queued_at: sql<Date>`date_trunc('milliseconds', now())`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Pending: oldest in the queue first. Decided: most recently reviewed first. */
  list(
    db: Executor,
    filter: { status: 'pending' | 'decided'; subjectType?: CaseSubject },
    limit: number,
    after?: TimePosition,
  ): Promise<QueueCaseRow[]> {
    const pending = filter.status === 'pending';
    const position = pending ? 'm.queued_at' : 'm.reviewed_at';
    return (
      db
        .selectFrom('moderation_cases as m')
        .innerJoin('users as owner', 'owner.id', 'm.owner_id')
        .leftJoin('comments as c', (join) =>
          join.onRef('c.id', '=', 'm.subject_id').on('m.subject_type', '=', 'comment'),
        )
        .leftJoin('videos as v', (join) =>
          join.on((eb) => eb('v.id', '=', eb.fn.coalesce('c.video_id', 'm.subject_id'))),
        )
        .selectAll('m')
        .select([
          'owner.username as owner_username',
          'c.text as comment_text',
          'v.id as video_id',
          'v.title as video_title',
          'v.description as video_description',
        ])
        .$if(pending, (query) => query.where('m.status', '=', 'pending'))
        .$if(!pending, (query) => query.where('m.status', 'in', ['approved', 'rejected'] satisfies CaseStatus[]))
        .$if(filter.subjectType !== undefined, (query) => query.where('m.subject_type', '=', filter.subjectType!))
        // Subjects that are gone (deleted video, purged comment) need no decision.
        .where((eb) => eb.or([eb('m.subject_type', 'in', ['video', 'video_image']), eb('c.id', 'is not', null)]))
        .where('v.status', '!=', 'deleted')
        .$if(after !== undefined, (query) =>
          query.where(({ eb, refTuple, tuple }) =>
            eb(refTuple(position, 'm.id'), pending ? '>' : '<', tuple(after!.at, after!.id)),
          ),
        )
        .orderBy(position, pending ? 'asc' : 'desc')
        .orderBy('m.id', pending ? 'asc' : 'desc')
        .limit(limit + 1)
        .execute() as Promise<QueueCaseRow[]>
    );
  },
};
