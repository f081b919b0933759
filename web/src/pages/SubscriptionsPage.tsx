import type { Video } from '../api/types.ts';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { InfiniteVideoGrid } from '../components/InfiniteVideoGrid.tsx';

export default function SubscriptionsPage() {
  return (
    <RequireSignIn what="your subscriptions">
      <h1 className="page-title">Subscriptions</h1>
      <InfiniteVideoGrid<Video>
        queryKey={['feed', 'subscriptions']}
        path="/api/v1/feed/subscriptions"
        query={{ limit: 24 }}
        toVideo={(video) => video}
        empty="New videos from channels you subscribe to appear here."
      />
    </RequireSignIn>
  );
}
