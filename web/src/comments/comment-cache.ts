import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { videoKey } from '../videos/video-api.ts';
import type { Comment, Page } from '../api/types.ts';
import { commentsKey, repliesKey } from './comment-api.ts';

type CommentPages = InfiniteData<Page<Comment>>;

/** The cached lists a comment can appear in: its video's threads (every sort) or its thread's replies. */
function listKeys(comment: Comment) {
  return comment.parentId ? [repliesKey(comment.parentId)] : [commentsKey(comment.videoId)];
}

/**
 * Rewrites one comment wherever it is cached, so a change shows at once and survives the virtualised
 * list unmounting and remounting its row.
 */
export function patchCachedComment(queryClient: QueryClient, comment: Comment, patch: Partial<Comment>): void {
  for (const queryKey of listKeys(comment)) {
    queryClient.setQueriesData<CommentPages>(
      { queryKey },
      (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === comment.id ? { ...item, ...patch } : item)),
          })),
        },
    );
  }
}

/** Reads the lists (and the video's comment count) again after a change the server decides the shape of. */
export function refreshCommentLists(queryClient: QueryClient, comment: Comment): Promise<unknown> {
  return Promise.all([
    ...listKeys(comment).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    queryClient.invalidateQueries({ queryKey: videoKey(comment.videoId) }),
  ]);
}
