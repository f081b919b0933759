import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import type { Comment } from '../api/types.ts';
import { AppealForm } from '../intelligence/AppealForm.tsx';
import { appealComment, commentModerationKey, fetchCommentModeration } from '../intelligence/ai-api.ts';

/**
 * On the author's own hidden comment: it is held for review (by the moderation model, or hidden by the
 * video's owner or an admin), why, and the one appeal the author has.
 */
export function HeldCommentNotice({ comment }: { comment: Comment }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const moderation = useQuery({
    queryKey: commentModerationKey(comment.id),
    queryFn: () => fetchCommentModeration(comment.id),
    enabled: open,
    retry: false,
  });
  const byPeople = moderation.error instanceof ApiError && moderation.error.status === 404;
  const heldCase = moderation.data;
  const canAppeal = heldCase && !heldCase.appeal && (heldCase.status === 'pending' || heldCase.status === 'rejected');

  return (
    <div className="comment-held" role="status">
      <span className="held-badge">Held for review</span>
      <span>Only you can see this comment until it is reviewed.</span>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide details' : 'Why? / Appeal'}
      </button>
      {open && (
        <div className="held-details">
          {moderation.isPending && <p className="muted">Loading…</p>}
          {byPeople && <p>It was hidden by the video's owner or an admin.</p>}
          {moderation.error && !byPeople && (
            <p className="form-error" role="alert">
              {moderation.error.message}
            </p>
          )}
          {heldCase && (
            <>
              <p>
                {heldCase.status === 'rejected'
                  ? 'A moderator kept it hidden'
                  : heldCase.status === 'approved'
                    ? 'A moderator approved it'
                    : 'The moderation model held it'}
                {heldCase.reasons.length > 0 && <>: {heldCase.reasons.join('; ')}</>}
                {heldCase.review?.note && <> (note: “{heldCase.review.note}”)</>}
              </p>
              {heldCase.appeal && (
                <p className="muted">You appealed: “{heldCase.appeal.message}”. It is back in the review queue.</p>
              )}
              {canAppeal && (
                <AppealForm
                  label="Why should this comment be shown?"
                  onSubmit={async (message) => {
                    await appealComment(comment.id, message);
                    await queryClient.invalidateQueries({ queryKey: commentModerationKey(comment.id) });
                  }}
                />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
