import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { setCommentHidden } from '../comments/comment-state.ts';
import { cursorCodec, timePosition, toPage } from '../../platform/pagination/cursor.ts';
import { commentQueries } from '../comments/comment-queries.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { caseRepo, type CaseRow, type QueueCaseRow } from './case-repo.ts';
import type { CaseSubject } from './tables.ts';
import { MODERATION_CASE_DECIDED, MODERATION_CASE_QUEUED, publishCaseEvent } from './events.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const queueCursors = {
  pending: cursorCodec('cases:pending', timePosition),
  decided: cursorCodec('cases:decided', timePosition),
};

/** The human side of automatic moderation: the admin review queue, approve/reject, and each owner's one appeal. */
export class CaseReviewService {
  constructor(private readonly db: Kysely<DB>) {}

  async listQueue(
    filter: { status: 'pending' | 'decided'; subjectType?: CaseSubject },
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: QueueCaseRow[]; nextCursor: string | null }> {
    const codec = queueCursors[filter.status];
    const rows = await caseRepo.list(this.db, filter, limit, codec.decodeOptional(cursor));
    return toPage(rows, limit, codec, (row) => ({
      at: (filter.status === 'pending' ? row.queued_at : row.reviewed_at)!,
      id: row.id,
    }));
  }

  /**
   * Approve: the comment shows again / the video returns to public lists. Reject: the comment stays
   * hidden (hidden again if someone unhid it meanwhile) / the video stays out of public lists.
   */
  decide(admin: AuthenticatedUser, caseId: string, decision: 'approved' | 'rejected', note?: string): Promise<CaseRow> {
    return inTransaction(this.db, async (trx) => {
      const current = await caseRepo.findForUpdate(trx, caseId);
      if (!current) throw notFound('Moderation case');
      if (current.status !== 'pending')
        throw new AppError(
          409,
          ErrorCode.CASE_DECIDED,
          `This case is not waiting for review (status: ${current.status})`,
        );
      if (current.subject_type === 'comment') await this.applyToComment(trx, current.subject_id, decision, admin.id);
      const decided = await caseRepo.decide(trx, caseId, {
        status: decision,
        adminId: admin.id,
        note,
        held: decision === 'rejected',
      });
      await publishCaseEvent(trx, MODERATION_CASE_DECIDED, decided);
      return decided;
    });
  }

  private async applyToComment(
    trx: Executor,
    commentId: string,
    decision: 'approved' | 'rejected',
    adminId: string,
  ): Promise<void> {
    if (!(await commentQueries.findForUpdate(trx, commentId))) throw notFound('Comment');
    await setCommentHidden(trx, commentId, decision === 'approved' ? null : adminId);
  }

  async appealComment(actor: AuthenticatedUser, commentId: string, message: string): Promise<CaseRow> {
    const comment = await commentQueries.findById(this.db, commentId);
    if (!comment || comment.deleted_at) throw notFound('Comment');
    if (comment.user_id !== actor.id) throw forbidden("Only the comment's author can appeal its moderation");
    return this.appeal('comment', commentId, message);
  }

  async appealVideo(actor: AuthenticatedUser, videoId: string, message: string): Promise<CaseRow> {
    const video = await videoQueries.findById(this.db, videoId);
    if (!video || video.status === 'deleted') throw notFound('Video');
    if (video.creator_id !== actor.id) throw forbidden("Only the video's creator can appeal its moderation");
    return this.appeal('video', videoId, message);
  }

  /** One appeal per subject, while it is held or after a rejection; it puts the case back in the queue. */
  private appeal(subjectType: CaseSubject, subjectId: string, message: string): Promise<CaseRow> {
    return inTransaction(this.db, async (trx) => {
      const unlocked = await caseRepo.find(trx, subjectType, subjectId);
      const current = unlocked && (await caseRepo.findForUpdate(trx, unlocked.id));
      if (!current || current.status === 'clear')
        throw new AppError(409, ErrorCode.NOTHING_TO_APPEAL, `This ${subjectType} was not flagged by moderation`);
      if (current.appealed_at)
        throw new AppError(
          409,
          ErrorCode.ALREADY_APPEALED,
          `This ${subjectType} was already appealed; an appeal can be made once`,
        );
      if (current.status === 'approved')
        throw new AppError(
          409,
          ErrorCode.NOTHING_TO_APPEAL,
          `This ${subjectType} was approved; there is nothing to appeal`,
        );
      const appealed = await caseRepo.appeal(trx, current.id, message);
      await publishCaseEvent(trx, MODERATION_CASE_QUEUED, appealed);
      return appealed;
    });
  }

  /** The case of a subject for its owner, the video's owner or an admin (what was decided and why). */
  async caseFor(actor: AuthenticatedUser, subjectType: CaseSubject, subjectId: string): Promise<CaseRow> {
    const found = await caseRepo.find(this.db, subjectType, subjectId);
    if (!found) throw notFound('Moderation case');
    if (found.owner_id !== actor.id && actor.role !== 'admin')
      throw forbidden('Only the owner or an admin can read this moderation case');
    return found;
  }
}
