import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../api/types.ts';
import { deleteComment } from './comment-api.ts';
import { refreshCommentLists } from './comment-cache.ts';

/** Asks once more in place (no browser dialog), then deletes and reads the list again. */
export function DeleteCommentConfirm({ comment, onClose }: { comment: Comment; onClose: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteComment(comment.id),
    // A deleted comment leaves the list, or stays as "[deleted]" while it has replies: the server decides.
    onSuccess: () => refreshCommentLists(queryClient, comment),
  });
  return (
    <div className="comment-confirm" role="group" aria-label="Delete comment">
      <span>Delete this comment?</span>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
        Delete
      </button>
      {remove.error && (
        <span className="field-error" role="alert">
          {remove.error.message}
        </span>
      )}
    </div>
  );
}
