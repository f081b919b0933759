import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.tsx';
import { QueryErrorPage } from '../components/ErrorPage.tsx';
import { PageSkeleton } from '../components/Skeletons.tsx';
import { fetchStreamUrl } from '../videos/video-api.ts';
import { ChatReplay, LiveChat } from '../live/LiveChat.tsx';
import { LivePlayer } from '../live/LivePlayer.tsx';
import { fetchLiveStream, fetchReplay, liveStreamKey, type LiveStream } from '../live/live-api.ts';
import { useLiveChat } from '../live/useLiveChat.ts';
import { formatCountdown } from '../live/countdown.ts';
import '../live/live.css';

const STATUS_TEXT: Record<LiveStream['status'], string> = {
  scheduled: 'Starting soon',
  live: 'Live',
  ended: 'The stream has ended',
  processing: 'The recording is being processed',
  ready: 'Recording',
  failed: 'The recording could not be processed',
};

/** Time left to the announced start, with the date; once it passes, the stream waits for its encoder. */
function Countdown({ at }: { at: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.round((new Date(at).getTime() - now) / 1000);
  if (seconds <= 0) return <p className="empty">Starting any moment: waiting for the encoder to connect…</p>;
  return (
    <div className="live-countdown">
      <p role="timer">Starts in {formatCountdown(seconds)}</p>
      <p className="muted">{new Date(at).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}</p>
    </div>
  );
}

/** The stream's recording (or a premiere's video) with the chat following the playback position. */
function RecordingWithReplay({ stream, premiere }: { stream: LiveStream; premiere: boolean }) {
  const [position, setPosition] = useState(0);
  const url = useQuery({ queryKey: ['stream-url', stream.videoId], queryFn: () => fetchStreamUrl(stream.videoId!) });
  const replay = useQuery({
    queryKey: ['chat-replay', stream.id],
    queryFn: () => fetchReplay(stream.id, 0, 24 * 3600_000),
  });
  const onTime = useCallback((seconds: number) => setPosition(seconds), []);
  const shown = (replay.data ?? []).filter((message) => message.offsetMs <= position * 1000);
  return (
    <div className="live-layout">
      <div className="live-main">
        {url.data && <LivePlayer source={url.data.url} live={premiere} onTime={onTime} />}
      </div>
      <ChatReplay messages={shown} />
    </div>
  );
}

/** Seconds since a premiere began: everyone watches the same moment, so a late viewer starts there. */
function premiereElapsed(stream: LiveStream): number {
  return stream.scheduledAt ? Math.max(0, (Date.now() - Date.parse(stream.scheduledAt)) / 1000) : 0;
}

function LiveRoom({ stream }: { stream: LiveStream }) {
  const { user } = useAuth();
  const chat = useLiveChat(stream.chat.socketPath, stream.chat.pinned);
  const premiereLive = stream.kind === 'premiere' && stream.status === 'live';
  const premiereUrl = useQuery({
    queryKey: ['stream-url', stream.videoId],
    queryFn: () => fetchStreamUrl(stream.videoId!),
    enabled: premiereLive,
  });
  return (
    <div className="live-layout">
      <div className="live-main">
        {stream.status === 'live' && stream.playbackUrl && <LivePlayer source={stream.playbackUrl} live />}
        {premiereLive && premiereUrl.data && (
          <>
            <span className="live-badge" data-testid="premiere-badge">
              PREMIERE
            </span>
            <LivePlayer source={premiereUrl.data.url} live={false} startAt={premiereElapsed(stream)} />
          </>
        )}
        {stream.status === 'scheduled' && stream.scheduledAt && <Countdown at={stream.scheduledAt} />}
        {stream.status === 'scheduled' && !stream.scheduledAt && (
          <p className="empty">Waiting for the encoder to connect…</p>
        )}
      </div>
      <LiveChat chat={chat} canModerate={chat.canModerate} signedInUser={!!user} ownerId={stream.channelId} />
    </div>
  );
}

/** /live/:id — a live stream or premiere with its chat; after the stream, its recording with chat replay. */
export default function LivePage() {
  const { id = '' } = useParams();
  const stream = useQuery({
    queryKey: liveStreamKey(id),
    queryFn: () => fetchLiveStream(id),
    refetchInterval: (query) => (query.state.data?.status === 'ready' ? false : 5000),
  });
  if (stream.error) return <QueryErrorPage error={stream.error} what="Live stream" />;
  if (!stream.data) return <PageSkeleton />;
  const current = stream.data;
  const replaying = current.status === 'ready' && current.videoId && current.kind === 'live';
  return (
    <section className="live-page">
      <h1 className="page-title">{current.title}</h1>
      <p className="live-meta">
        <Link to={`/channel/${current.channelId}`}>{current.channelName}</Link> ·{' '}
        <span data-testid="live-status">{STATUS_TEXT[current.status]}</span>
        {current.videoId && current.status === 'ready' && (
          <>
            {' '}
            · <Link to={`/watch/${current.videoId}`}>Open as a video</Link>
          </>
        )}
      </p>
      {current.description && <p className="live-description">{current.description}</p>}
      {replaying ? <RecordingWithReplay stream={current} premiere={false} /> : <LiveRoom stream={current} />}
    </section>
  );
}
