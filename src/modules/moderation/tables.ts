import type { ColumnType, Generated } from 'kysely';
import type { FrameScoreTables } from './frame-scores-repo.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'other'] as const;
export const REPORT_ACTIONS = ['dismiss', 'hide_comment', 'ban_user'] as const;

export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export type ReportStatus = 'open' | 'resolved';

/** The columns an admin's decision sets on every open report it closes, comment or video report alike. */
export function closedBy<Action extends string>(decision: { action: Action; note?: string; adminId: string }) {
  return {
    status: 'resolved' as const,
    resolution: decision.action,
    resolution_note: decision.note ?? null,
    resolved_by: decision.adminId,
    resolved_at: new Date(),
  };
}

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

export const VIDEO_REPORT_REASONS = [
  'sexual',
  'violent',
  'hateful',
  'harassment',
  'harmful',
  'child_safety',
  'spam',
  'misleading',
  'other',
] as const;
export const VIDEO_REPORT_ACTIONS = ['dismiss', 'remove_video'] as const;

export type VideoReportReason = (typeof VIDEO_REPORT_REASONS)[number];
export type VideoReportAction = (typeof VIDEO_REPORT_ACTIONS)[number];

/** See migrations/0200_video_reports.sql. */
export interface VideoReportsTable {
  id: Generated<string>;
  video_id: string;
  reporter_id: string;
  reason: VideoReportReason;
  details: string | null;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  resolution: VideoReportAction | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: CreatedAt;
}

/** video: its title and description; video_image: its poster and sampled frames (migration 0065). */
export type CaseSubject = 'comment' | 'video' | 'video_image';
export type CaseStatus = 'clear' | 'pending' | 'approved' | 'rejected';

/** See migrations/0015_moderation_cases.sql: automatic moderation, review and appeal per comment or video. */
export interface ModerationCasesTable {
  id: Generated<string>;
  subject_type: CaseSubject;
  subject_id: string;
  owner_id: string;
  content_hash: string;
  scores: ColumnType<Record<string, number>, string, string>;
  top_category: string;
  top_score: number;
  reasons: ColumnType<string[], string, string>;
  model_name: string;
  model_version: string;
  status: CaseStatus;
  held: Generated<boolean>;
  appeal_message: string | null;
  appealed_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  queued_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ModerationTables extends FrameScoreTables {
  comment_reports: CommentReportsTable;
  video_reports: VideoReportsTable;
  moderation_cases: ModerationCasesTable;
}
