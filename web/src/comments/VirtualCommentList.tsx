import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Comment } from '../api/types.ts';
import { CommentItem } from './CommentItem.tsx';

interface Props {
  comments: Comment[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  onReplied: () => void;
}

const ESTIMATED_COMMENT_HEIGHT = 96;
/** Fetch the next page while this many comments are still below the visible ones. */
const PREFETCH_DISTANCE = 10;

/**
 * Only the comments near the viewport are in the DOM (measured as they render, so long comments
 * and opened reply threads take their real height); the page scrolls as if all were there.
 */
export function VirtualCommentList({ comments, hasMore, loadingMore, loadMore, onReplied }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The list's distance from the top of the page moves when content above it changes (forms, the player).
  useLayoutEffect(() => {
    const top = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });

  const virtualizer = useWindowVirtualizer({
    count: comments.length,
    estimateSize: () => ESTIMATED_COMMENT_HEIGHT,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => comments[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastVisible = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= comments.length - PREFETCH_DISTANCE) loadMore();
  }, [hasMore, loadingMore, lastVisible, comments.length, loadMore]);

  return (
    <div ref={list} className="comment-list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {rows.map((row) => {
        const comment = comments[row.index]!;
        return (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="comment-row"
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
            }}
          >
            <CommentItem comment={comment} threadId={comment.id} onReplied={onReplied} />
          </div>
        );
      })}
      {loadingMore && (
        <p className="muted comment-loading" style={{ position: 'absolute', top: virtualizer.getTotalSize() }}>
          Loading comments…
        </p>
      )}
    </div>
  );
}
