import type { Video } from '../api/types.ts';
import { useCursorList } from '../hooks/useCursorList.ts';
import { useLoadMoreSentinel } from '../hooks/useInfiniteScroll.ts';
import { VideoGrid } from './VideoGrid.tsx';

interface Props<T> {
  queryKey: readonly unknown[];
  path: string;
  query?: Record<string, string | number | undefined>;
  toVideo: (item: T) => Video;
  empty: string;
}

/** A cursor-paginated list of videos that loads its next page as the end scrolls into view. */
export function InfiniteVideoGrid<T>({ queryKey, path, query, toVideo, empty }: Props<T>) {
  const list = useCursorList<T>(queryKey, path, query);
  const sentinel = useLoadMoreSentinel(list.loadMore, Boolean(list.hasNextPage));
  return (
    <>
      <VideoGrid videos={list.items?.map(toVideo)} isPending={list.isPending} error={list.error} empty={empty} />
      <div ref={sentinel} className="load-more" aria-hidden="true">{list.isFetchingNextPage ? 'Loading more…' : ''}</div>
    </>
  );
}
