import type { Executor } from '../../platform/db/transaction.ts';
import { publishEvent } from '../../platform/events/event-bus.ts';
import type { CaseRow } from './case-repo.ts';

/**
 * Topics of moderation, keyed by the subject (`comment:<id>` / `video:<id>`) so one subject's case
 * events stay in order. `moderation.case_queued`: a case entered the review queue (held by automatic
 * moderation, or appealed). `moderation.case_decided`: an admin approved or rejected it.
 * `comment.reported`: a user filed a new report (keyed by comment id).
 */
export const MODERATION_CASE_QUEUED = 'moderation.case_queued';
export const MODERATION_CASE_DECIDED = 'moderation.case_decided';
export const COMMENT_REPORTED = 'comment.reported';

export interface ModerationCasePayload {
  caseId: string;
  /** A case on a video's pictures (video_image) is told as a video's: to its creator and admins it is one. */
  subjectType: 'comment' | 'video';
  subjectId: string;
  ownerId: string;
  status: CaseRow['status'];
  held: boolean;
  /** True when the owner appealed: a queued appeal, or the decision on one. */
  appealed: boolean;
  topCategory: string;
  reviewNote: string | null;
}

export interface CommentReportedPayload {
  reportId: string;
  commentId: string;
  reporterId: string;
  reason: string;
}

/** Call with the transaction that wrote the case row. */
export function publishCaseEvent(
  trx: Executor,
  topic: typeof MODERATION_CASE_QUEUED | typeof MODERATION_CASE_DECIDED,
  row: CaseRow,
): Promise<void> {
  const payload: ModerationCasePayload = {
    caseId: row.id,
    subjectType: row.subject_type === 'video_image' ? 'video' : row.subject_type,
    subjectId: row.subject_id,
    ownerId: row.owner_id,
    status: row.status,
    held: row.held,
    appealed: row.appealed_at !== null,
    topCategory: row.top_category,
    reviewNote: row.review_note,
  };
  return publishEvent(trx, { topic, key: `${row.subject_type}:${row.subject_id}`, payload });
}

export const VIDEO_REPORTED = 'video.reported';
export const VIDEO_REMOVED_AFTER_REPORTS = 'video.removed_after_reports';

export interface VideoReportedPayload {
  reportId: string;
  videoId: string;
  reporterId: string;
  reason: string;
}

export interface VideoRemovedPayload {
  videoId: string;
  creatorId: string;
  videoTitle: string;
  /** The reason of the report the admin decided on. */
  reason: string;
  note: string | null;
}

/** Call with the transaction that inserted the report. */
export function publishVideoReported(trx: Executor, payload: VideoReportedPayload): Promise<void> {
  return publishEvent(trx, { topic: VIDEO_REPORTED, key: payload.videoId, payload });
}

/** Call with the transaction that recorded the decision to remove the video. */
export function publishVideoRemoved(trx: Executor, payload: VideoRemovedPayload): Promise<void> {
  return publishEvent(trx, { topic: VIDEO_REMOVED_AFTER_REPORTS, key: payload.videoId, payload });
}

/** Call with the transaction that inserted the report. */
export function publishCommentReported(trx: Executor, payload: CommentReportedPayload): Promise<void> {
  return publishEvent(trx, { topic: COMMENT_REPORTED, key: payload.commentId, payload });
}
