import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { formatAge } from '../components/format.ts';
import { CommentForm } from './CommentForm.tsx';
import { Replies } from './Replies.tsx';
import { postReply, repliesKey } from './comment-api.ts';

interface Props {
  comment: Comment;
  /** The thread's top-level comment: replies to a reply join its thread. */
  threadId: string;
  onReplied?: () => void;
}

/** One comment; top-level ones can open their replies. Text is rendered as text, never as HTML. */
export function CommentItem({ comment, threadId, onReplied }: Props) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [replying, setReplying] = useState(false);
  const [showReplies, setShowReplies] = useState(false);
  const isTopLevel = comment.parentId === null;

  return (
    <article className="comment" data-comment-id={comment.id}>
      <span className="avatar small" aria-hidden="true">{comment.author?.username.slice(0, 1).toUpperCase() ?? '?'}</span>
      <div className="comment-body">
        <p className="comment-header">
          <strong>{comment.author?.username ?? '[deleted]'}</strong>{' '}
          <span className="muted">{formatAge(comment.createdAt)}{comment.isEdited ? ' (edited)' : ''}</span>
        </p>
        <p className="comment-text">
          {comment.replyToUser && <span className="mention">@{comment.replyToUser.username} </span>}
          {comment.text}
        </p>
        <p className="comment-actions">
          <span className="muted">♥ {comment.likeCount}</span>
          {user && !comment.isDeleted && <button type="button" className="link-button" onClick={() => setReplying(true)}>Reply</button>}
          {isTopLevel && comment.replyCount > 0 && (
            <button type="button" className="link-button" aria-expanded={showReplies} onClick={() => setShowReplies((open) => !open)}>
              {showReplies ? 'Hide replies' : `View ${comment.replyCount} ${comment.replyCount === 1 ? 'reply' : 'replies'}`}
            </button>
          )}
        </p>
        {replying && (
          <CommentForm
            label={`Reply to ${comment.author?.username ?? 'comment'}`}
            submitLabel="Reply"
            autoFocus
            onSubmit={(text, key) => postReply(comment.id, text, key)}
            onPosted={() => {
              setReplying(false);
              setShowReplies(true);
              void queryClient.invalidateQueries({ queryKey: repliesKey(threadId) });
              onReplied?.();
            }}
            onCancel={() => setReplying(false)}
          />
        )}
        {isTopLevel && showReplies && <Replies commentId={comment.id} />}
      </div>
    </article>
  );
}
