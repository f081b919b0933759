import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Recommendation } from '../api/types.ts';
import { CardMenu } from '../components/CardMenu.tsx';
import { VideoGrid } from '../components/VideoGrid.tsx';
import { useCursorList } from '../hooks/useCursorList.ts';
import { useLoadMoreSentinel } from '../hooks/useInfiniteScroll.ts';
import { fetchRecommendationsPage, markNotInterested, recommendationsKey, undoNotInterested } from './feed-api.ts';
import './for-you.css';

/**
 * The signed-in home page: "For you", each card with its reason and a menu whose "Not interested"
 * hides the card at once (and tells the server, which also lowers the channel); "Undo" brings it back.
 */
export function ForYouFeed() {
  const queryClient = useQueryClient();
  const list = useCursorList<Recommendation>(recommendationsKey, fetchRecommendationsPage);
  const sentinel = useLoadMoreSentinel(list.loadMore, Boolean(list.hasNextPage));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [lastHidden, setLastHidden] = useState<{ id: string; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const items = list.items?.filter((item) => !hidden.has(item.video.id));
  const setHiddenState = (id: string, isHidden: boolean) =>
    setHidden((current) => {
      const next = new Set(current);
      if (isHidden) next.add(id);
      else next.delete(id);
      return next;
    });

  const hide = async (id: string, title: string) => {
    setProblem(null);
    setHiddenState(id, true);
    setLastHidden({ id, title });
    try {
      await markNotInterested(id);
    } catch {
      setHiddenState(id, false);
      setLastHidden(null);
      setProblem(`Could not hide "${title}". Try again.`);
    }
  };
  const undo = async () => {
    if (!lastHidden) return;
    const { id, title } = lastHidden;
    setLastHidden(null);
    try {
      await undoNotInterested(id);
      setHiddenState(id, false);
      await queryClient.invalidateQueries({ queryKey: recommendationsKey });
    } catch {
      setProblem(`Could not bring back "${title}". Try again.`);
    }
  };

  return (
    <>
      <div role="status" aria-live="polite">
        {lastHidden && (
          <p className="for-you-notice">
            Hidden: {lastHidden.title}. You will see less from this channel.
            <button type="button" onClick={() => void undo()}>
              Undo
            </button>
          </p>
        )}
        {problem && <p className="for-you-notice">{problem}</p>}
      </div>
      <VideoGrid
        videos={items?.map((item) => item.video)}
        isPending={list.isPending}
        error={list.error}
        empty="Nothing to recommend yet: watch or like a few videos."
        badgeFor={(index) => items?.[index]?.reason}
        menuFor={(video) => (
          <CardMenu
            title={video.title}
            actions={[{ label: 'Not interested', onSelect: () => void hide(video.id, video.title) }]}
          />
        )}
      />
      <div ref={sentinel} className="load-more" aria-hidden="true">
        {list.isFetchingNextPage ? 'Loading more…' : ''}
      </div>
    </>
  );
}
