import { useQuery } from '@tanstack/react-query';
import type { Video, VideoSummary } from '../../api/types.ts';
import { VideoCard } from '../../components/VideoCard.tsx';
import { VideoCardSkeleton } from '../../components/Skeletons.tsx';
import { fetchChannelVideos, fetchSimilarVideos, fetchTrending, upNextKey } from '../../videos/video-api.ts';

interface Candidate {
  video: VideoSummary;
  reason: string;
}

const MAX_ITEMS = 12;

/** Why a similar video is shown: its closeness in meaning, and what it shares with this one. */
function similarReason(current: Video, candidate: Video & { similarity: number }): string {
  const shared = candidate.tags.filter((tag) => current.tags.includes(tag));
  const closeness = `${Math.round(Math.max(0, candidate.similarity) * 100)}% similar in content`;
  if (shared.length > 0) return `${closeness} · also tagged #${shared.slice(0, 2).join(' #')}`;
  if (candidate.creator.id === current.creator.id) return `${closeness} · same channel`;
  return closeness;
}

/**
 * What to watch next: videos similar in meaning (from the AI analysis) with the reason, then the
 * channel's popular videos and what is trending, without the current one or duplicates.
 */
export function UpNext({ video }: { video: Video }) {
  const candidates = useQuery({
    queryKey: upNextKey(video.id),
    queryFn: async (): Promise<Candidate[]> => {
      const [similar, fromChannel, trending] = await Promise.all([
        fetchSimilarVideos(video.id, 8).catch(() => []),
        fetchChannelVideos(video.creator.id, { sort: 'popular', limit: 10 }).then((page) => page.items),
        fetchTrending('week', 10).catch(() => []),
      ]);
      const seen = new Set([video.id]);
      const fresh = (candidate: VideoSummary) => !seen.has(candidate.id) && Boolean(seen.add(candidate.id));
      return [
        ...similar.filter(fresh).map((candidate) => ({ video: candidate, reason: similarReason(video, candidate) })),
        ...fromChannel
          .filter(fresh)
          .map((candidate) => ({ video: candidate, reason: `More from ${video.creator.username}` })),
        ...trending.filter(fresh).map((candidate) => ({ video: candidate, reason: 'Trending this week' })),
      ].slice(0, MAX_ITEMS);
    },
  });
  return (
    <aside className="up-next" aria-label="Up next">
      <h2>Up next</h2>
      {candidates.isPending && Array.from({ length: 4 }, (_, index) => <VideoCardSkeleton key={index} />)}
      {candidates.data?.length === 0 && <p className="muted">Nothing else yet.</p>}
      {candidates.data?.map((candidate) => (
        <VideoCard key={candidate.video.id} video={candidate.video} badge={candidate.reason} layout="row" />
      ))}
    </aside>
  );
}
