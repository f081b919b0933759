import { toIso } from '../../platform/http/envelope.ts';
import type { UserRow } from '../users/repo.ts';
import type { CommentRow, CommentView } from './repo.ts';
import type { CommentResponse } from './schemas.ts';

/** What a deleted comment's text reads as; the stored text stays for moderators. */
export const DELETED_COMMENT_TEXT = '[deleted]';

/** A freshly written row as a view: its author is the actor, who cannot have liked it yet. */
export function newCommentView(row: CommentRow, author: UserRow, replyToUsername: string | null): CommentView {
  return {
    ...row,
    author_username: author.username,
    author_avatar_url: author.avatar_url,
    reply_to_username: replyToUsername,
    has_liked: false,
  };
}

export function toCommentResponse(view: CommentView): CommentResponse {
  const deleted = view.deleted_at !== null;
  return {
    id: view.id,
    videoId: view.video_id,
    parentId: view.parent_id,
    replyToUser:
      view.reply_to_user_id && view.reply_to_username
        ? { id: view.reply_to_user_id, username: view.reply_to_username }
        : null,
    text: deleted ? DELETED_COMMENT_TEXT : view.text,
    author: deleted ? null : { id: view.user_id, username: view.author_username, avatarUrl: view.author_avatar_url },
    likeCount: view.like_count,
    replyCount: view.reply_count,
    hasLiked: view.has_liked,
    isEdited: !deleted && view.is_edited,
    isHidden: view.hidden_at !== null,
    isDeleted: deleted,
    createdAt: toIso(view.created_at),
    updatedAt: toIso(view.updated_at),
  };
}
