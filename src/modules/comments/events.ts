import type { Executor } from '../../platform/db/transaction.ts';
import { publishEvent } from '../../platform/events/event-bus.ts';

/** Published with the insert of a comment (not on an idempotent replay); keyed by video. */
export const COMMENT_CREATED = 'comment.created';

export interface CommentCreatedPayload {
  commentId: string;
  videoId: string;
  userId: string;
  parentId: string | null;
}

export function publishCommentCreated(trx: Executor, payload: CommentCreatedPayload): Promise<void> {
  return publishEvent(trx, { topic: COMMENT_CREATED, key: payload.videoId, payload });
}

/** Published with the author's edit of the text (moderation and language detection look at it again); keyed by video. */
export const COMMENT_EDITED = 'comment.edited';

export type CommentEditedPayload = CommentCreatedPayload;

export function publishCommentEdited(trx: Executor, payload: CommentEditedPayload): Promise<void> {
  return publishEvent(trx, { topic: COMMENT_EDITED, key: payload.videoId, payload });
}

/**
 * Published with the like that brought a comment to 1, 10, 100, … likes; keyed by comment. A like
 * taken back and given again re-publishes the milestone: consumers notify once per (comment, likes).
 */
export const COMMENT_LIKE_MILESTONE = 'comment.like_milestone';

export interface CommentLikeMilestonePayload {
  commentId: string;
  likes: number;
}

export function isLikeMilestone(likes: number): boolean {
  return likes >= 1 && 10 ** Math.round(Math.log10(likes)) === likes;
}

export function publishCommentLikeMilestone(trx: Executor, payload: CommentLikeMilestonePayload): Promise<void> {
  return publishEvent(trx, { topic: COMMENT_LIKE_MILESTONE, key: payload.commentId, payload });
}
