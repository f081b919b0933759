import { useCallback } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { requestPage } from '../api/client.ts';

type Query = Record<string, string | number | undefined>;

/** A cursor-paginated API list as one growing array, with `loadMore` for infinite scroll. */
export function useCursorList<T>(key: readonly unknown[], path: string, query: Query = {}, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => requestPage<T>(path, { ...query, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = result;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { ...result, items: result.data?.pages.flatMap((page) => page.items), loadMore };
}
