import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.ts';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { fetchStreamUrl, fetchVideo, streamUrlKey, videoKey } from '../../videos/video-api.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { SubscribeButton } from '../../components/SubscribeButton.tsx';
import { formatAge, formatCount } from '../../components/format.ts';
import { VideoPlayer } from '../../player/VideoPlayer.tsx';
import { loadHls } from '../../player/useHls.ts';
import { PlayerController, PlayerControllerContext } from '../../player/player-controller.ts';
import { CommentSection } from '../../comments/CommentSection.tsx';
import { LikeButton } from './LikeButton.tsx';
import { UpNext } from './UpNext.tsx';
import { SaveToWatchLater } from './SaveToWatchLater.tsx';
import { SaveToPlaylist } from './SaveToPlaylist.tsx';
import { ReportVideo } from './ReportVideo.tsx';
import { PhoneCollapsible } from '../../components/PhoneCollapsible.tsx';
import { VideoInsights } from './VideoInsights.tsx';
import { WatchPanels } from './PhoneAiSheets.tsx';
import { parseStartTime } from './start-time.ts';
import { WatchChatReplay } from '../../live/WatchChatReplay.tsx';
import { TimestampLinks } from '../../player/TimestampLinks.tsx';
import { LazyNotesPanel as NotesPanel } from '../../notes/LazyNotesPanel.tsx';
import './watch-ai.css';

export default function WatchPage() {
  const { id = '' } = useParams();
  const { user, loading } = useAuth();
  const [params] = useSearchParams();
  const startAt = parseStartTime(params.get('t'));
  // One controller per video: a new id is a new player.
  const controller = useMemo(() => new PlayerController(), [id]);
  // The first ?t= starts playback there; a later one (a timestamp link on this page) seeks.
  const firstStart = useRef({ id, startAt });
  if (firstStart.current.id !== id) firstStart.current = { id, startAt };
  useEffect(() => {
    if (startAt !== undefined && startAt !== firstStart.current.startAt) controller.seek(startAt);
  }, [controller, startAt]);
  useEffect(() => {
    void loadHls();
  }, []);
  // Waits for the session check so `hasLiked` and private videos are read as the signed-in user.
  const video = useQuery({
    queryKey: videoKey(id),
    queryFn: () => fetchVideo(id),
    enabled: !loading,
  });
  // Asked for alongside the video rather than after it: the first frame comes sooner.
  const stream = useQuery({
    queryKey: streamUrlKey(id),
    queryFn: () => fetchStreamUrl(id),
    enabled: !loading,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    // Signed URLs of private videos expire; asking again now and then keeps them valid.
    staleTime: 30 * 60_000,
  });

  if (video.error) return <QueryErrorPage error={video.error} what="Video" />;
  if (!video.data) return <PageSkeleton />;
  const current = video.data;

  return (
    <PlayerControllerContext.Provider value={controller}>
      <div className="watch-layout">
        <div className="watch-main">
          {current.status === 'ready' ? (
            <VideoPlayer
              key={current.id}
              video={current}
              streamUrl={stream.data?.url}
              signedIn={Boolean(user)}
              controller={controller}
              startAt={firstStart.current.startAt}
            />
          ) : (
            <div className="player player-placeholder" role="status">
              This video is {current.status}
              {current.failureReason ? `: ${current.failureReason}` : ''}.
            </div>
          )}
          <h1 className="watch-title">{current.title}</h1>
          <div className="watch-meta">
            <Link to={`/channel/${current.creator.id}`} className="channel-link">
              <span className="avatar" aria-hidden="true">
                {current.creator.username.slice(0, 1).toUpperCase()}
              </span>
              {current.creator.username}
            </Link>
            <SubscribeButton channelId={current.creator.id} fromVideoId={current.id} />
            <span className="spacer" />
            {/* On phones the actions are one row that scrolls sideways, as in YouTube's app. */}
            <div className="watch-actions">
              <LikeButton video={current} />
              {user && <SaveToWatchLater videoId={current.id} />}
              {user && <SaveToPlaylist videoId={current.id} ownerId={user.id} />}
              {user && user.id !== current.creator.id && <ReportVideo videoId={current.id} />}
            </div>
          </div>
          <PhoneCollapsible
            label="Description"
            summary={
              <>
                {formatCount(current.views, 'view')} · {formatAge(current.uploadedAt)}
              </>
            }
          >
            <div className="description-box">
              <p className="muted">
                <span className="view-count">{formatCount(current.views, 'view')}</span> ·{' '}
                {formatAge(current.uploadedAt)}
                {current.tags.length > 0 && <> · {current.tags.map((tag) => `#${tag}`).join(' ')}</>}
              </p>
              <p className="description">
                <TimestampLinks text={current.description} duration={current.duration} />
              </p>
              <VideoInsights video={current} />
            </div>
          </PhoneCollapsible>
          {current.status === 'ready' && <WatchPanels video={current} />}
          {current.status === 'ready' && <WatchChatReplay videoId={current.id} />}
          {current.status === 'ready' && (
            <NotesPanel
              subjectKind="video"
              subjectId={current.id}
              onSeek={(seconds) => controller.seek(seconds)}
              currentTime={controller.currentTime}
            />
          )}
          {current.status === 'ready' && (
            <PhoneCollapsible label="Comments" summary={formatCount(current.commentCount, 'comment')}>
              <CommentSection video={current} />
            </PhoneCollapsible>
          )}
        </div>
        <UpNext video={current} />
      </div>
    </PlayerControllerContext.Provider>
  );
}
