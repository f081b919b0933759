import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { formatAge } from '../components/format.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentLikeButton } from './CommentLikeButton.tsx';
import { CommentText } from './CommentText.tsx';
import { DeleteCommentConfirm } from './DeleteCommentConfirm.tsx';
import { HeldCommentNotice } from './HeldCommentNotice.tsx';
import { Replies } from './Replies.tsx';
import { ReportCommentForm } from './ReportCommentForm.tsx';
import { editComment, postReply, repliesKey } from './comment-api.ts';
import { patchCachedComment } from './comment-cache.ts';

interface Props {
  comment: Comment;
  /** The thread's top-level comment: replies to a reply join its thread. */
  threadId: string;
  onReplied?: () => void;
}

/** What opens under a comment; one at a time, so the row stays short. */
type Panel = 'reply' | 'edit' | 'delete' | 'report' | null;

/** One comment with what the viewer may do with it; top-level ones can open their replies. */
export function CommentItem({ comment, threadId, onReplied }: Props) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const [showReplies, setShowReplies] = useState(false);
  const isTopLevel = comment.parentId === null;
  const canAct = Boolean(user) && !comment.isDeleted;
  const isMine = canAct && comment.author?.id === user?.id;
  const close = () => setPanel(null);
  const open = (next: Panel) => () => setPanel(next);

  return (
    <article className="comment" data-comment-id={comment.id}>
      <span className="avatar small" aria-hidden="true">
        {comment.author?.username.slice(0, 1).toUpperCase() ?? '?'}
      </span>
      <div className="comment-body">
        <p className="comment-header">
          <strong>{comment.author?.username ?? '[deleted]'}</strong>{' '}
          <span className="muted">
            {formatAge(comment.createdAt)}
            {comment.isEdited ? ' (edited)' : ''}
          </span>
        </p>
        {panel === 'edit' ? (
          <CommentForm
            label="Edit your comment"
            submitLabel="Save"
            autoFocus
            initialText={comment.text}
            onSubmit={(text) => editComment(comment.id, text)}
            onPosted={(edited) => {
              patchCachedComment(queryClient, comment, { text: edited.text, isEdited: edited.isEdited });
              close();
            }}
            onCancel={close}
          />
        ) : (
          <CommentText comment={comment} />
        )}
        {isMine && comment.isHidden && <HeldCommentNotice comment={comment} />}
        <p className="comment-actions">
          {canAct ? <CommentLikeButton comment={comment} /> : <span className="muted">♥ {comment.likeCount}</span>}
          {canAct && (
            <button type="button" className="link-button" onClick={open('reply')}>
              Reply
            </button>
          )}
          {isMine && (
            <button type="button" className="link-button" onClick={open('edit')}>
              Edit
            </button>
          )}
          {isMine && (
            <button type="button" className="link-button" onClick={open('delete')}>
              Delete
            </button>
          )}
          {canAct && !isMine && (
            <button type="button" className="link-button" onClick={open('report')}>
              Report
            </button>
          )}
          {isTopLevel && comment.replyCount > 0 && (
            <button
              type="button"
              className="link-button"
              aria-expanded={showReplies}
              onClick={() => setShowReplies((shown) => !shown)}
            >
              {showReplies
                ? 'Hide replies'
                : `View ${comment.replyCount} ${comment.replyCount === 1 ? 'reply' : 'replies'}`}
            </button>
          )}
        </p>
        {panel === 'reply' && (
          <CommentForm
            label={`Reply to ${comment.author?.username ?? 'comment'}`}
            submitLabel="Reply"
            autoFocus
            onSubmit={(text, key) => postReply(comment.id, text, key)}
            onPosted={() => {
              close();
              setShowReplies(true);
              void queryClient.invalidateQueries({ queryKey: repliesKey(threadId) });
              onReplied?.();
            }}
            onCancel={close}
          />
        )}
        {panel === 'delete' && <DeleteCommentConfirm comment={comment} onClose={close} />}
        {panel === 'report' && <ReportCommentForm commentId={comment.id} onClose={close} />}
        {isTopLevel && showReplies && <Replies commentId={comment.id} />}
      </div>
    </article>
  );
}
