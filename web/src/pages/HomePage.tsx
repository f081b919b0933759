import { useQuery } from '@tanstack/react-query';
import { fetchHomeFeed, homeFeedKey } from '../feeds/feed-api.ts';
import type { HomeFeedEntry } from '../api/types.ts';
import { VideoGrid } from '../components/VideoGrid.tsx';

const REASON_LABELS: Record<HomeFeedEntry['reason'], string | undefined> = {
  subscriptions: 'From your subscriptions',
  trending: 'Trending',
  fresh: 'New',
  related: 'Because you watched similar videos',
};

export function HomePage() {
  const feed = useQuery({
    queryKey: homeFeedKey,
    queryFn: () => fetchHomeFeed(24),
  });
  return (
    <>
      <h1 className="page-title">Home</h1>
      <VideoGrid
        videos={feed.data?.map((entry) => entry.video)}
        isPending={feed.isPending}
        error={feed.error}
        empty="Nothing here yet: upload the first video."
        badgeFor={(index) => (feed.data?.[index] ? REASON_LABELS[feed.data[index].reason] : undefined)}
      />
    </>
  );
}
