import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import {
  closedBy,
  type ReportStatus,
  type VideoReportAction,
  type VideoReportReason,
  type VideoReportsTable,
} from './tables.ts';

export type VideoReportRow = Selectable<VideoReportsTable>;

/** A report joined (read only) with its video, the video's creator and the reporter. */
export interface AdminVideoReportRow extends VideoReportRow {
  reporter_username: string;
  video_title: string;
  video_status: string;
  creator_id: string;
  creator_username: string;
  open_report_count: number;
}

export const videoReportRepo = {
  /** Undefined when the reporter already has an open report on the video (one open report per user and video). */
  insertOpen(
    db: Executor,
    report: { videoId: string; reporterId: string; reason: VideoReportReason; details?: string },
  ): Promise<VideoReportRow | undefined> {
    return db
      .insertInto('video_reports')
      .values({
        video_id: report.videoId,
        reporter_id: report.reporterId,
        reason: report.reason,
        details: report.details ?? null,
      })
      .onConflict((conflict) => conflict.columns(['video_id', 'reporter_id']).where('status', '=', 'open').doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  findOpen(db: Executor, videoId: string, reporterId: string): Promise<VideoReportRow | undefined> {
    return db
      .selectFrom('video_reports')
      .selectAll()
      .where('video_id', '=', videoId)
      .where('reporter_id', '=', reporterId)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },

  find(db: Executor, id: string): Promise<VideoReportRow | undefined> {
    return db.selectFrom('video_reports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Row-locks the report, so two admins resolving it at once serialise and the second sees it resolved. */
  findForUpdate(db: Executor, id: string): Promise<VideoReportRow | undefined> {
    return db.selectFrom('video_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** One decision closes every open report of the video: they all asked about the same thing. */
  resolveOpenForVideo(
    db: Executor,
    videoId: string,
    decision: { action: VideoReportAction; note?: string; adminId: string },
  ): Promise<VideoReportRow[]> {
    return db
      .updateTable('video_reports')
      .set(closedBy(decision))
      .where('video_id', '=', videoId)
      .where('status', '=', 'open')
      .returningAll()
      .execute();
  },

  /** The admin queue, keyset-paginated: open oldest first, resolved newest first (removed videos included). */
  list(db: Executor, status: ReportStatus, limit: number, after?: TimePosition): Promise<AdminVideoReportRow[]> {
    const newestFirst = status === 'resolved';
    return db
      .selectFrom('video_reports as r')
      .innerJoin('videos as v', 'v.id', 'r.video_id')
      .innerJoin('users as creator', 'creator.id', 'v.creator_id')
      .innerJoin('users as reporter', 'reporter.id', 'r.reporter_id')
      .selectAll('r')
      .select([
        'reporter.username as reporter_username',
        'v.title as video_title',
        'v.status as video_status',
        'creator.id as creator_id',
        'creator.username as creator_username',
      ])
      .select((eb) =>
        eb
          .selectFrom('video_reports as same')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('same.video_id', '=', 'r.video_id')
          .where('same.status', '=', 'open')
          .as('open_report_count'),
      )
      .$narrowType<{ open_report_count: number }>()
      .where('r.status', '=', status)
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
