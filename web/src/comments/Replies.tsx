import type { Comment } from '../api/types.ts';
import { useCursorList } from '../hooks/useCursorList.ts';
import { CommentItem } from './CommentItem.tsx';
import { fetchRepliesPage, repliesKey } from './comment-api.ts';

/** A thread's replies, oldest first, a page at a time. */
export function Replies({ commentId }: { commentId: string }) {
  const replies = useCursorList<Comment>(repliesKey(commentId), (cursor) => fetchRepliesPage(commentId, cursor));
  return (
    <div className="replies">
      {replies.isPending && <p className="muted">Loading replies…</p>}
      {replies.items?.map((reply) => (
        <CommentItem key={reply.id} comment={reply} threadId={commentId} />
      ))}
      {replies.hasNextPage && (
        <button type="button" className="link-button" disabled={replies.isFetchingNextPage} onClick={replies.loadMore}>
          More replies
        </button>
      )}
    </div>
  );
}
