import type { z } from 'zod';
import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { AdminVideoReportRow, VideoReportRow } from './video-report-repo.ts';
import type { adminVideoReportSchema, videoReportSchema } from './video-report-schemas.ts';

export function toVideoReportResponse(report: VideoReportRow): z.infer<typeof videoReportSchema> {
  return {
    id: report.id,
    videoId: report.video_id,
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

export function toAdminVideoReportResponse(row: AdminVideoReportRow): z.infer<typeof adminVideoReportSchema> {
  return {
    ...toVideoReportResponse(row),
    reporter: { id: row.reporter_id, username: row.reporter_username },
    video: {
      id: row.video_id,
      title: row.video_title,
      isRemoved: row.video_status === 'deleted',
      openReportCount: row.open_report_count,
      creator: { id: row.creator_id, username: row.creator_username },
    },
  };
}
