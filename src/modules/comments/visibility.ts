import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';

interface VideoOwner {
  creator_id: string;
}
interface CommentState {
  user_id: string;
  hidden_at: Date | null;
  deleted_at: Date | null;
}

/** The video's owner and admins moderate its comments, so they see every hidden one. */
export function moderatesVideo(actor: AuthenticatedUser | undefined, video: VideoOwner): boolean {
  return actor !== undefined && (actor.role === 'admin' || actor.id === video.creator_id);
}

/** A hidden comment stays visible to its author (who is not told), the video owner and admins. */
export function canSeeComment(actor: AuthenticatedUser | undefined, video: VideoOwner, comment: CommentState): boolean {
  return comment.hidden_at === null || moderatesVideo(actor, video) || actor?.id === comment.user_id;
}

/** Counted in reply_count and videos.comment_count: what every viewer can see. */
export function isCounted(comment: Pick<CommentState, 'hidden_at' | 'deleted_at'>): boolean {
  return comment.hidden_at === null && comment.deleted_at === null;
}
