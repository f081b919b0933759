import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'other'] as const;
export const REPORT_ACTIONS = ['dismiss', 'hide_comment', 'ban_user'] as const;

export type ReportReason = typeof REPORT_REASONS[number];
export type ReportAction = typeof REPORT_ACTIONS[number];
export type ReportStatus = 'open' | 'resolved';

/** See migrations/0008_comments.sql for what each column means. */
export interface CommentReportsTable {
  id: Generated<string>;
  comment_id: string;
  reporter_id: string;
  reason: ReportReason;
  details: string | null;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  resolution: ReportAction | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: CreatedAt;
}

export interface ModerationTables {
  comment_reports: CommentReportsTable;
}
