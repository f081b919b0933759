import type { Page, Video } from '../api/types.ts';
import { useCursorList } from '../hooks/useCursorList.ts';
import { useLoadMoreSentinel } from '../hooks/useInfiniteScroll.ts';
import { VideoGrid } from './VideoGrid.tsx';

interface Props<T> {
  queryKey: readonly unknown[];
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  toVideo: (item: T) => Video;
  empty: string;
}

/** A cursor-paginated list of videos that loads its next page as the end scrolls into view. */
export function InfiniteVideoGrid<T>({ queryKey, fetchPage, toVideo, empty }: Props<T>) {
  const list = useCursorList<T>(queryKey, fetchPage);
  const sentinel = useLoadMoreSentinel(list.loadMore, Boolean(list.hasNextPage));
  return (
    <>
      <VideoGrid videos={list.items?.map(toVideo)} isPending={list.isPending} error={list.error} empty={empty} />
      <div ref={sentinel} className="load-more" aria-hidden="true">
        {list.isFetchingNextPage ? 'Loading more…' : ''}
      </div>
    </>
  );
}
