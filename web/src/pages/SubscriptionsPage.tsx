import type { Video } from '../api/types.ts';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { InfiniteVideoGrid } from '../components/InfiniteVideoGrid.tsx';
import { fetchSubscriptionsFeedPage, subscriptionsFeedKey } from '../feeds/feed-api.ts';

export default function SubscriptionsPage() {
  return (
    <RequireSignIn what="your subscriptions">
      <h1 className="page-title">Subscriptions</h1>
      <InfiniteVideoGrid<Video>
        queryKey={subscriptionsFeedKey}
        fetchPage={fetchSubscriptionsFeedPage}
        toVideo={(video) => video}
        empty="New videos from channels you subscribe to appear here."
      />
    </RequireSignIn>
  );
}
