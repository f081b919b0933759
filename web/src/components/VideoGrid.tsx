import type { ReactNode } from 'react';
import type { VideoSummary } from '../api/types.ts';
import { VideoCard } from './VideoCard.tsx';
import { VideoGridSkeleton } from './Skeletons.tsx';
import { ListErrorPage } from './ErrorPage.tsx';

interface Props {
  videos: VideoSummary[] | undefined;
  isPending: boolean;
  error: unknown;
  empty: ReactNode;
  badgeFor?: (index: number) => string | undefined;
  /** A card's actions menu, if the list has one. */
  menuFor?: (video: VideoSummary) => ReactNode;
}

/** A grid of video cards with its loading, error and empty states. */
export function VideoGrid({ videos, isPending, error, empty, badgeFor, menuFor }: Props) {
  if (error) return <ListErrorPage error={error} what="Videos" />;
  if (isPending || !videos) return <VideoGridSkeleton />;
  if (videos.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="video-grid">
      {videos.map((video, index) => (
        <VideoCard key={video.id} video={video} badge={badgeFor?.(index)} menu={menuFor?.(video)} />
      ))}
    </div>
  );
}
