import type { PlayerController } from '../player/player-controller.ts';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { VideoPlayer } from '../player/VideoPlayer.tsx';
import { fetchStreamUrl, fetchVideo, streamUrlKey, videoKey } from '../videos/video-api.ts';

/**
 * A video lesson plays in the watch page's player (chapters included); its watch progress is what the
 * course counts, so the lesson completes at 90 % watched without anything more here.
 */
export function VideoLesson({ videoId, controller }: { videoId: string; controller?: PlayerController }) {
  const video = useQuery({ queryKey: videoKey(videoId), queryFn: () => fetchVideo(videoId) });
  const stream = useQuery({
    queryKey: streamUrlKey(videoId),
    queryFn: () => fetchStreamUrl(videoId),
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
  if (video.error) return <p className="form-error">{video.error.message}</p>;
  if (!video.data) return <div className="player player-placeholder" />;
  if (video.data.status !== 'ready') return <p className="empty">This video is still processing.</p>;
  return (
    <VideoPlayer
      key={videoId}
      video={video.data}
      streamUrl={stream.data?.url}
      signedIn
      {...(controller ? { controller } : {})}
    />
  );
}
