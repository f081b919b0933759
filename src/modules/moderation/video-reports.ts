import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { cursorCodec, timePosition, toPage } from '../../platform/pagination/cursor.ts';
import type { CommentAccess } from '../comments/comment-access.ts';
import type { VideoService } from '../videos/service.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { publishVideoRemoved, publishVideoReported } from './events.ts';
import type { ReportStatus, VideoReportAction, VideoReportReason } from './tables.ts';
import { videoReportRepo, type AdminVideoReportRow, type VideoReportRow } from './video-report-repo.ts';

const cursors = {
  open: cursorCodec('video-reports:open', timePosition),
  resolved: cursorCodec('video-reports:resolved', timePosition),
};

/** Viewers' reports on videos and the admin's decisions on them: keep the video, or take it down. */
export class VideoReports {
  constructor(private readonly deps: { db: Kysely<DB>; access: CommentAccess; videos: VideoService }) {}

  /**
   * Anyone signed in and not suspended reports a video they can see, except their own. One open report
   * per user and video: reporting again returns the open one (`created: false`).
   */
  async report(
    actor: AuthenticatedUser,
    videoId: string,
    input: { reason: VideoReportReason; details?: string },
  ): Promise<{ report: VideoReportRow; created: boolean }> {
    await this.deps.access.activeAccount(actor);
    const video = await this.deps.videos.getVisible(actor, videoId);
    if (video.status === 'deleted') throw notFound('Video');
    if (video.creator_id === actor.id) throw forbidden('You cannot report your own video; edit or delete it instead');
    const inserted = await inTransaction(this.deps.db, async (trx) => {
      const report = await videoReportRepo.insertOpen(trx, { videoId, reporterId: actor.id, ...input });
      if (report)
        await publishVideoReported(trx, { reportId: report.id, videoId, reporterId: actor.id, reason: report.reason });
      return report;
    });
    if (inserted) return { report: inserted, created: true };
    const open = await videoReportRepo.findOpen(this.deps.db, videoId, actor.id);
    if (open) return { report: open, created: false };
    // The open report was resolved between the two statements; a new one may be filed now.
    return this.report(actor, videoId, input);
  }

  async list(
    status: ReportStatus,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: AdminVideoReportRow[]; nextCursor: string | null }> {
    const codec = cursors[status];
    const rows = await videoReportRepo.list(this.deps.db, status, limit, codec.decodeOptional(cursor));
    return toPage(rows, limit, codec, (row) => ({ at: row.created_at, id: row.id }));
  }

  /**
   * Closes every open report of the video with the admin's decision; `remove_video` deletes the video
   * first (its files follow in the background, as for any deletion), so a deletion that fails records
   * no decision and the admin can simply try again. Decisions on one video take a lock on it first, so
   * two admins deciding on its reports serialise (the second gets a 409) instead of deadlocking.
   */
  async resolve(
    admin: AuthenticatedUser,
    reportId: string,
    decision: { action: VideoReportAction; note?: string },
  ): Promise<{ report: VideoReportRow; resolvedReports: number }> {
    const { db, videos } = this.deps;
    const assertOpen = (report: VideoReportRow | undefined): VideoReportRow => {
      if (!report) throw notFound('Report');
      if (report.status !== 'open')
        throw new AppError(409, ErrorCode.REPORT_RESOLVED, `This report was already resolved (${report.resolution})`);
      return report;
    };
    const videoId = assertOpen(await videoReportRepo.find(db, reportId)).video_id;
    const video = await videoQueries.findById(db, videoId);
    if (!video) throw notFound('Report');
    if (decision.action === 'remove_video') await videos.delete(admin, videoId);
    return inTransaction(db, async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`video-reports:${videoId}`}))`.execute(trx);
      const report = assertOpen(await videoReportRepo.findForUpdate(trx, reportId));
      const resolved = await videoReportRepo.resolveOpenForVideo(trx, videoId, { ...decision, adminId: admin.id });
      // Its creator hears why the video went (in the same transaction: told once, and only if it is recorded).
      if (decision.action === 'remove_video')
        await publishVideoRemoved(trx, {
          videoId,
          creatorId: video.creator_id,
          videoTitle: video.title,
          reason: report.reason,
          note: decision.note ?? null,
        });
      return { report: resolved.find((row) => row.id === report.id) ?? report, resolvedReports: resolved.length };
    });
  }
}
