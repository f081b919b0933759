import { useQuery } from '@tanstack/react-query';
import { usePlaybackTime, usePlayerController } from '../player/player-controller.ts';
import { ChatReplay } from './LiveChat.tsx';
import { fetchReplay, fetchStreamOfVideo } from './live-api.ts';
import './live.css';

/**
 * On a video's watch page: when the video is a live stream's recording (or premiered), its chat
 * replays beside playback, each message appearing when playback reaches the offset it was sent at.
 * Nothing is shown for other videos.
 */
export function WatchChatReplay({ videoId }: { videoId: string }) {
  const controller = usePlayerController();
  const position = usePlaybackTime(controller);
  const stream = useQuery({
    queryKey: ['live-stream-of-video', videoId],
    queryFn: () => fetchStreamOfVideo(videoId),
    retry: false,
  });
  const streamId = stream.data?.id;
  const replay = useQuery({
    queryKey: ['chat-replay', streamId],
    queryFn: () => fetchReplay(streamId!, 0, 24 * 3600_000),
    enabled: Boolean(streamId),
  });
  if (!streamId || !replay.data || replay.data.length === 0) return null;
  const shown = replay.data.filter((message) => message.offsetMs <= position * 1000);
  return (
    <div className="watch-chat-replay">
      <ChatReplay messages={shown} />
    </div>
  );
}
