import { useEffect, useRef } from 'react';

/** A ref for a sentinel element: when it scrolls into view (with a margin) the next page is loaded. */
export function useLoadMoreSentinel(loadMore: () => void, enabled: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !enabled) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '600px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [loadMore, enabled]);
  return sentinel;
}
