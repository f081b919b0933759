import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { BanState } from '../users/suspensions.ts';
import type { AdminReportRow, ReportRow } from './report-repo.ts';
import type { ReportStatus } from './tables.ts';
import type { ReportResponse, adminReportSchema, banSchema } from './schemas.ts';
import type { z } from 'zod';

/** The columns comment and video reports share (migrations 0008 and 0200). */
interface ReportColumns {
  id: string;
  reason: string;
  details: string | null;
  status: ReportStatus;
  resolution: string | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

/** A report row's own fields, shared by comment and video reports; the caller adds what it is about. */
export function toReportFields<Row extends ReportColumns>(report: Row) {
  return {
    id: report.id,
    // Indexed by the row's own type: a comment report's reasons stay its own, a video report's its own.
    reason: report.reason as Row['reason'],
    details: report.details,
    status: report.status,
    resolution: report.resolution as Row['resolution'],
    resolutionNote: report.resolution_note,
    resolvedBy: report.resolved_by,
    resolvedAt: toIsoOrNull(report.resolved_at),
    createdAt: toIso(report.created_at),
  };
}

export function toReportResponse(report: ReportRow): ReportResponse {
  return { ...toReportFields(report), commentId: report.comment_id };
}

export function toAdminReportResponse(row: AdminReportRow): z.infer<typeof adminReportSchema> {
  return {
    ...toReportResponse(row),
    reporter: { id: row.reporter_id, username: row.reporter_username },
    comment: {
      id: row.comment_id,
      text: row.comment_text,
      isHidden: row.comment_hidden_at !== null,
      isDeleted: row.comment_deleted_at !== null,
      openReportCount: row.open_report_count,
      author: { id: row.author_id, username: row.author_username, isBanned: row.author_banned_at !== null },
      createdAt: toIso(row.comment_created_at),
    },
    video: { id: row.video_id, title: row.video_title },
  };
}

export function toBanResponse(state: BanState): z.infer<typeof banSchema> {
  return { userId: state.userId, username: state.username, bannedAt: toIsoOrNull(state.bannedAt) };
}
