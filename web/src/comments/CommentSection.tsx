import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Comment, Video } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { formatCount } from '../components/format.ts';
import { useCursorList } from '../hooks/useCursorList.ts';
import { useNearScreen } from '../hooks/useNearScreen.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentedVideoDuration } from './comment-video.ts';
import { VirtualCommentList } from './VirtualCommentList.tsx';
import { commentsKey, fetchCommentsPage, postComment, type CommentSort } from './comment-api.ts';
import { videoKey } from '../videos/video-api.ts';

const SORTS = [
  { value: 'top', label: 'Top' },
  { value: 'newest', label: 'Newest' },
] as const;

export function CommentSection({ video }: { video: Video }) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [sort, setSort] = useState<CommentSort>('top');
  // Comments load when the section nears the screen, leaving the first moments to the player.
  const [section, nearScreen] = useNearScreen<HTMLElement>();
  const comments = useCursorList<Comment>(
    commentsKey(video.id, sort),
    (cursor) => fetchCommentsPage(video.id, sort, cursor),
    nearScreen,
  );
  // A new comment or reply changes the list and the video's comment count.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: commentsKey(video.id) }),
      queryClient.invalidateQueries({ queryKey: videoKey(video.id) }),
    ]);

  return (
    <CommentedVideoDuration.Provider value={video.duration}>
      <section className="comments" aria-label="Comments" ref={section}>
        <div className="comments-header">
          <h2>{formatCount(video.commentCount, 'comment')}</h2>
          <Tabs label="Sort comments" tabs={SORTS} value={sort} onChange={setSort} />
        </div>
        {user ? (
          <CommentForm
            label="Add a comment"
            submitLabel="Comment"
            onSubmit={(text, key) => postComment(video.id, text, key)}
            onPosted={() => {
              // The newest sort shows it on top at once; the video's count moves too.
              setSort('newest');
              void refresh();
            }}
          />
        ) : (
          <p>
            <Link to={`/login?next=/watch/${video.id}`}>Sign in</Link> to comment.
          </p>
        )}
        {comments.error && (
          <p className="field-error" role="alert">
            Comments could not be loaded: {comments.error.message}
          </p>
        )}
        <VirtualCommentList
          comments={comments.items ?? []}
          hasMore={Boolean(comments.hasNextPage)}
          loadingMore={comments.isFetchingNextPage || (nearScreen && comments.isPending)}
          loadMore={comments.loadMore}
          onReplied={() => void refresh()}
        />
      </section>
    </CommentedVideoDuration.Provider>
  );
}
