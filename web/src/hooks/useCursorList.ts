import { useCallback } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../api/types.ts';

/**
 * A cursor-paginated API list as one growing array, with `loadMore` for infinite scroll.
 * `fetchPage` comes from a feature's API file; `key` must name everything the pages depend on.
 */
export function useCursorList<T>(
  key: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  enabled = true,
) {
  const result = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam ?? undefined),
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
