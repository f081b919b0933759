import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import {
  closedBy,
  type CommentReportsTable,
  type ReportAction,
  type ReportReason,
  type ReportStatus,
} from './tables.ts';

export type ReportRow = Selectable<CommentReportsTable>;

/** A report joined (read only) with its comment, the comment's author, the reporter and the video. */
export interface AdminReportRow extends ReportRow {
  reporter_username: string;
  comment_text: string;
  comment_hidden_at: Date | null;
  comment_deleted_at: Date | null;
  comment_created_at: Date;
  author_id: string;
  author_username: string;
  author_banned_at: Date | null;
  video_id: string;
  video_title: string;
  open_report_count: number;
}

export const reportRepo = {
  /** Undefined when the reporter already has an open report on the comment (one open report per user and comment). */
  insertOpen(
    db: Executor,
    report: { commentId: string; reporterId: string; reason: ReportReason; details?: string },
  ): Promise<ReportRow | undefined> {
    return db
      .insertInto('comment_reports')
      .values({
        comment_id: report.commentId,
        reporter_id: report.reporterId,
        reason: report.reason,
        details: report.details ?? null,
      })
      .onConflict((conflict) =>
        conflict.columns(['comment_id', 'reporter_id']).where('status', '=', 'open').doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
  },

  findOpen(db: Executor, commentId: string, reporterId: string): Promise<ReportRow | undefined> {
    return db
      .selectFrom('comment_reports')
      .selectAll()
      .where('comment_id', '=', commentId)
      .where('reporter_id', '=', reporterId)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },

  /** Row-locks the report, so two admins resolving it at once serialise and the second sees it resolved. */
  findForUpdate(db: Executor, id: string): Promise<ReportRow | undefined> {
    return db.selectFrom('comment_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** One decision closes every open report of the comment: they all asked about the same thing. */
  resolveOpenForComment(
    db: Executor,
    commentId: string,
    decision: { action: ReportAction; note?: string; adminId: string },
  ): Promise<ReportRow[]> {
    return db
      .updateTable('comment_reports')
      .set(closedBy(decision))
      .where('comment_id', '=', commentId)
      .where('status', '=', 'open')
      .returningAll()
      .execute();
  },

  /**
   * The admin queue, keyset-paginated: open oldest first, resolved newest first. Reports on comments of
   * deleted videos are left out, like the comments themselves.
   */
  list(db: Executor, status: ReportStatus, limit: number, after?: TimePosition): Promise<AdminReportRow[]> {
    const newestFirst = status === 'resolved';
    return db
      .selectFrom('comment_reports as r')
      .innerJoin('comments as c', 'c.id', 'r.comment_id')
      .innerJoin('users as author', 'author.id', 'c.user_id')
      .innerJoin('users as reporter', 'reporter.id', 'r.reporter_id')
      .innerJoin('videos as v', 'v.id', 'c.video_id')
      .selectAll('r')
      .select([
        'reporter.username as reporter_username',
        'c.text as comment_text',
        'c.hidden_at as comment_hidden_at',
        'c.deleted_at as comment_deleted_at',
        'c.created_at as comment_created_at',
        'author.id as author_id',
        'author.username as author_username',
        'author.banned_at as author_banned_at',
        'v.id as video_id',
        'v.title as video_title',
      ])
      .select((eb) =>
        eb
          .selectFrom('comment_reports as same')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('same.comment_id', '=', 'r.comment_id')
          .where('same.status', '=', 'open')
          .as('open_report_count'),
      )
      .$narrowType<{ open_report_count: number }>()
      .where('r.status', '=', status)
      .where('v.status', '!=', 'deleted')
      .$if(after !== undefined, (query) =>
        query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('r.created_at', 'r.id'), newestFirst ? '<' : '>', tuple(after!.at, after!.id)),
        ),
      )
      .orderBy('r.created_at', newestFirst ? 'desc' : 'asc')
      .orderBy('r.id', newestFirst ? 'desc' : 'asc')
      .limit(limit + 1)
      .execute();
  },
};
