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
