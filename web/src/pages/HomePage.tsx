import { useQuery } from '@tanstack/react-query';
import { fetchHomeFeed, homeFeedKey } from '../feeds/feed-api.ts';
import type { HomeFeedEntry } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { VideoGrid } from '../components/VideoGrid.tsx';
import { VideoGridSkeleton } from '../components/Skeletons.tsx';
import { ForYouFeed } from '../feeds/ForYouFeed.tsx';

const REASON_LABELS: Record<HomeFeedEntry['reason'], string | undefined> = {
  subscriptions: 'From your subscriptions',
  trending: 'Trending',
  fresh: 'New',
  related: 'Because you watched similar videos',
};

/** Signed in: "For you" (recommendations with reasons). Guests: trending and fresh uploads. */
export function HomePage() {
  const { user, loading } = useAuth();
  if (loading)
    return (
      <>
        <h1 className="page-title">Home</h1>
        <VideoGridSkeleton />
      </>
    );
  if (user)
    return (
      <>
        <h1 className="page-title">For you</h1>
        <ForYouFeed />
      </>
    );
  return <GuestHome />;
}

function GuestHome() {
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
