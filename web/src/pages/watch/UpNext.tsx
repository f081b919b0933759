import { useQuery } from '@tanstack/react-query';
import { fetchChannelVideos, fetchTrending, upNextKey } from '../../videos/video-api.ts';
import type { Video } from '../../api/types.ts';
import { VideoCard } from '../../components/VideoCard.tsx';
import { VideoCardSkeleton } from '../../components/Skeletons.tsx';

/** What to watch next: the channel's most popular videos, then what is trending, without the current one. */
export function UpNext({ video }: { video: Video }) {
  const candidates = useQuery({
    queryKey: upNextKey(video.id),
    queryFn: async () => {
      const [fromChannel, trending] = await Promise.all([
        fetchChannelVideos(video.creator.id, { sort: 'popular', limit: 10 }).then((page) => page.items),
        fetchTrending('week', 10).catch(() => []),
      ]);
      const seen = new Set([video.id]);
      return [...fromChannel, ...trending].filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
    },
  });
  return (
    <aside className="up-next" aria-label="Up next">
      <h2>Up next</h2>
      {candidates.isPending && Array.from({ length: 4 }, (_, index) => <VideoCardSkeleton key={index} />)}
      {candidates.data?.length === 0 && <p className="muted">Nothing else yet.</p>}
      {candidates.data?.map((candidate) => <VideoCard key={candidate.id} video={candidate} layout="row" />)}
    </aside>
  );
}
