import { useContext, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Comment } from '../api/types.ts';
import { TimestampLinks } from '../player/TimestampLinks.tsx';
import { translateComment } from './comment-api.ts';
import { CommentedVideoDuration } from './comment-video.ts';

/** The viewer's language as the API names it: "en" for en-GB. */
function viewerLanguage(): string {
  return navigator.language.split('-')[0] ?? 'en';
}

/**
 * A comment's text (as text, never as HTML; its timestamps link to that moment of the video), with a
 * Translate button. Comments do not carry their
 * language, so the translation is asked for on demand; once there, a toggle shows the original again.
 */
export function CommentText({ comment }: { comment: Comment }) {
  const [showOriginal, setShowOriginal] = useState(false);
  const translation = useMutation({ mutationFn: () => translateComment(comment.id, viewerLanguage()) });
  const translated = translation.data?.translated && !showOriginal ? translation.data : null;
  const videoDuration = useContext(CommentedVideoDuration);

  return (
    <>
      <p className="comment-text">
        {comment.replyToUser && <span className="mention">@{comment.replyToUser.username} </span>}
        <TimestampLinks text={translated ? translated.text : comment.text} duration={videoDuration} />
      </p>
      {!comment.isDeleted && (
        <p className="comment-translation muted">
          {!translation.data && (
            <button
              type="button"
              className="link-button"
              disabled={translation.isPending}
              onClick={() => translation.mutate()}
            >
              {translation.isPending ? 'Translating…' : 'Translate'}
            </button>
          )}
          {translation.data && <span>{translation.data.notice}</span>}
          {translation.data?.translated && (
            <button type="button" className="link-button" onClick={() => setShowOriginal((original) => !original)}>
              {showOriginal ? 'Show translation' : 'Show original'}
            </button>
          )}
          {translation.error && (
            <span className="field-error" role="alert">
              {translation.error.message}
            </span>
          )}
        </p>
      )}
    </>
  );
}
