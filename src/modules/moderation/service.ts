import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { publishCommentReported } from './events.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { CommentAccess } from '../comments/comment-access.ts';
import { setCommentHidden } from '../comments/comment-state.ts';
import { cursorCodec, timePosition, toPage } from '../../platform/pagination/cursor.ts';
import { commentQueries } from '../comments/comment-queries.ts';
import type { CommentView } from '../comments/repo.ts';
import { moderatesVideo } from '../comments/visibility.ts';
import { userQueries } from '../users/user-queries.ts';
import { userSuspensions, type BanState } from '../users/suspensions.ts';
import { reportRepo, type AdminReportRow, type ReportRow } from './report-repo.ts';
import type { ReportAction, ReportReason, ReportStatus } from './tables.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const reportCursors = {
  open: cursorCodec('reports:open', timePosition),
  resolved: cursorCodec('reports:resolved', timePosition),
};

/** Reports on comments, hiding comments, the admin queue and account suspensions. */
export class ModerationService {
  private readonly db: Kysely<DB>;
  private readonly access: CommentAccess;

  constructor(deps: { db: Kysely<DB>; access: CommentAccess }) {
    this.db = deps.db;
    this.access = deps.access;
  }

  /** One open report per user and comment: reporting again returns the open one (`created: false`). */
  async report(
    actor: AuthenticatedUser,
    commentId: string,
    input: { reason: ReportReason; details?: string },
  ): Promise<{ report: ReportRow; created: boolean }> {
    await this.access.activeAccount(actor);
    await this.access.visibleComment(actor, commentId);
    const created = await inTransaction(this.db, async (trx) => {
      const inserted = await reportRepo.insertOpen(trx, { commentId, reporterId: actor.id, ...input });
      if (inserted)
        await publishCommentReported(trx, {
          reportId: inserted.id,
          commentId,
          reporterId: actor.id,
          reason: inserted.reason,
        });
      return inserted;
    });
    if (created) return { report: created, created: true };
    const open = await reportRepo.findOpen(this.db, commentId, actor.id);
    if (open) return { report: open, created: false };
    // The open report was resolved between the two statements; a new one may be filed now.
    return this.report(actor, commentId, input);
  }

  /** The video's owner and admins hide (or unhide) a comment; repeating either is a no-op. */
  async setHidden(actor: AuthenticatedUser, commentId: string, hidden: boolean): Promise<CommentView> {
    const { comment, video } = await this.access.visibleComment(actor, commentId);
    if (!moderatesVideo(actor, video))
      throw forbidden("Only the video's owner or an admin can hide or unhide its comments");
    const row = await setCommentHidden(this.db, commentId, hidden ? actor.id : null);
    return { ...comment, ...row };
  }

  async listReports(
    status: ReportStatus,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: AdminReportRow[]; nextCursor: string | null }> {
    const codec = reportCursors[status];
    const rows = await reportRepo.list(this.db, status, limit, codec.decodeOptional(cursor));
    return toPage(rows, limit, codec, (row) => ({ at: row.created_at, id: row.id }));
  }

  /**
   * Applies the admin's decision and closes every open report of the comment, all in one transaction.
   * The comment's row lock is taken first: two admins deciding on reports of the same comment serialise
   * (the second gets 409) instead of deadlocking on each other's report rows.
   */
  resolve(
    admin: AuthenticatedUser,
    reportId: string,
    decision: { action: ReportAction; note?: string },
  ): Promise<{ report: ReportRow; resolvedReports: number }> {
    return inTransaction(this.db, async (trx) => {
      const unlocked = await trx
        .selectFrom('comment_reports')
        .select('comment_id')
        .where('id', '=', reportId)
        .executeTakeFirst();
      if (!unlocked) throw notFound('Report');
      const comment = await commentQueries.findForUpdate(trx, unlocked.comment_id);
      const report = await reportRepo.findForUpdate(trx, reportId);
      if (!comment || !report) throw notFound('Report');
      if (report.status !== 'open')
        throw new AppError(409, ErrorCode.REPORT_RESOLVED, `This report was already resolved (${report.resolution})`);

      const resolved = await reportRepo.resolveOpenForComment(trx, comment.id, { ...decision, adminId: admin.id });
      if (decision.action === 'hide_comment') await setCommentHidden(trx, comment.id, admin.id);
      if (decision.action === 'ban_user') await this.ban(comment.user_id, trx);
      return { report: resolved.find((row) => row.id === reportId) ?? report, resolvedReports: resolved.length };
    });
  }

  /** Suspends an account: it can no longer log in, refresh, comment, reply, like or report. Admins cannot be banned. */
  async ban(userId: string, executor: Executor = this.db): Promise<BanState> {
    const user = await userQueries.findById(executor, userId);
    if (!user) throw notFound('User');
    if (user.role === 'admin')
      throw new AppError(409, ErrorCode.CANNOT_BAN_ADMIN, 'Admins cannot be banned; change their role first');
    return this.found(await userSuspensions.ban(executor, userId));
  }

  async unban(userId: string): Promise<BanState> {
    return this.found(await userSuspensions.unban(this.db, userId));
  }

  private found(state: BanState | undefined): BanState {
    if (!state) throw notFound('User');
    return state;
  }
}
