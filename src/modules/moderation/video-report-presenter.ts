import type { z } from 'zod';
import { toReportFields } from './presenter.ts';
import type { AdminVideoReportRow, VideoReportRow } from './video-report-repo.ts';
import type { adminVideoReportSchema, videoReportSchema } from './video-report-schemas.ts';

export function toVideoReportResponse(report: VideoReportRow): z.infer<typeof videoReportSchema> {
  return { ...toReportFields(report), videoId: report.video_id };
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
