import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { BanState } from '../users/suspensions.ts';
import type { AdminReportRow, ReportRow } from './report-repo.ts';
import type { ReportResponse, adminReportSchema, banSchema } from './schemas.ts';
import type { z } from 'zod';

export function toReportResponse(report: ReportRow): ReportResponse {
  return {
    id: report.id,
    commentId: report.comment_id,
    reason: report.reason,
    details: report.details,
    status: report.status,
    resolution: report.resolution,
    resolutionNote: report.resolution_note,
    resolvedBy: report.resolved_by,
    resolvedAt: toIsoOrNull(report.resolved_at),
    createdAt: toIso(report.created_at),
  };
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
