import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../api/types.ts';
import { formatCount } from '../components/format.ts';
import { setCommentLike } from './comment-api.ts';
import { patchCachedComment } from './comment-cache.ts';

/** Shows the like at once; a refusal puts the previous state back and says why. */
export function CommentLikeButton({ comment }: { comment: Comment }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (like: boolean) => setCommentLike(comment.id, like),
    onMutate: (like) => {
      const before = { hasLiked: comment.hasLiked, likeCount: comment.likeCount };
      patchCachedComment(queryClient, comment, { hasLiked: like, likeCount: comment.likeCount + (like ? 1 : -1) });
      return before;
    },
    onError: (_error, _like, before) => {
      if (before) patchCachedComment(queryClient, comment, before);
    },
    onSuccess: (result) =>
      patchCachedComment(queryClient, comment, { hasLiked: result.liked, likeCount: result.likeCount }),
  });
  return (
    <>
      <button
        type="button"
        className="link-button comment-like"
        aria-pressed={comment.hasLiked}
        aria-label={`${comment.hasLiked ? 'Unlike' : 'Like'} comment, ${formatCount(comment.likeCount, 'like')}`}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!comment.hasLiked)}
      >
        <span aria-hidden="true">
          {comment.hasLiked ? '♥' : '♡'} {comment.likeCount}
        </span>
      </button>
      {toggle.error && (
        <span className="field-error" role="alert">
          Could not save your like: {toggle.error.message}
        </span>
      )}
    </>
  );
}
