import { useEffect, useRef } from 'react';
import type { Video } from '../api/types.ts';
import { formatDuration } from '../components/format.ts';
import { CaptionsMenu } from './CaptionsMenu.tsx';
import { CaptionsOverlay } from './CaptionsOverlay.tsx';
import { chapterAt } from './chapters.ts';
import type { PlayerController } from './player-controller.ts';
import { SeekBar } from './SeekBar.tsx';
import { useHls } from './useHls.ts';
import { useMediaState } from './useMediaState.ts';
import { handlePlayerKey, SPEEDS } from './usePlayerShortcuts.ts';
import { useResumePoint } from './useResumePoint.ts';
import { useWatchProgress } from './useWatchProgress.ts';
import { usePlaybackAnalytics } from './usePlaybackAnalytics.ts';

interface Props {
  video: Video;
  streamUrl: string | undefined;
  signedIn: boolean;
  /** Lets the page's panels seek and follow playback. */
  controller?: PlayerController;
  /** `?t=` in the URL: start here instead of at the resume point. */
  startAt?: number;
}

/** The watch page's player: hls.js playback with our own controls, keyboard shortcuts and resume. */
export function VideoPlayer({ video, streamUrl, signedIn, controller, startAt }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLVideoElement>(null);
  const resumeAt = useResumePoint(video.id, signedIn && startAt === undefined, video.duration);
  const hls = useHls(element, streamUrl, startAt ?? resumeAt);
  useEffect(() => {
    controller?.attach(element.current);
    return () => controller?.attach(null);
  }, [controller]);
  const chapters = video.insights?.chapters ?? [];
  const media = useMediaState(element);
  useWatchProgress(element, video.id, signedIn);
  usePlaybackAnalytics(element, video.id);
  const error = hls.error ?? media.mediaError;

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void container.current?.requestFullscreen();
  };
  const togglePlay = () => {
    const player = element.current;
    if (!player) return;
    if (player.paused) void player.play(); else player.pause();
  };
  const playingHeight = hls.levels[hls.playingLevel]?.height;

  return (
    <div
      ref={container}
      className="player"
      tabIndex={0}
      aria-label="Video player; press k to play or pause"
      onKeyDown={(event) => element.current && handlePlayerKey(event, element.current, toggleFullscreen)}
    >
      <video
        ref={element}
        className="player-video"
        poster={video.thumbnailUrl ?? undefined}
        playsInline
        onClick={togglePlay}
        style={{ aspectRatio: video.width && video.height ? `${video.width} / ${video.height}` : '16 / 9' }}
      />
      <CaptionsOverlay video={element.current} track={hls.subtitleTracks.find((track) => track.id === hls.subtitleTrack) ?? null} />
      {error && <div className="player-error" role="alert">{error}</div>}
      {typeof resumeAt === 'number' && media.currentTime < resumeAt + 3 && (
        <div className="player-toast" role="status">Resumed at {formatDuration(resumeAt)}</div>
      )}
      <div className="player-controls">
        <SeekBar
          currentTime={media.currentTime}
          duration={media.duration || video.duration || 0}
          buffered={media.buffered}
          storyboardVttUrl={video.storyboard?.vttUrl ?? null}
          onSeek={(time) => { if (element.current) element.current.currentTime = time; }}
          chapters={chapters}
        />
        <div className="control-row">
          <button type="button" className="icon-button" onClick={togglePlay} aria-label={media.paused ? 'Play' : 'Pause'}>{media.paused ? '▶' : '❚❚'}</button>
          <button type="button" className="icon-button" aria-label={media.muted ? 'Unmute' : 'Mute'}
            onClick={() => { if (element.current) element.current.muted = !element.current.muted; }}>{media.muted ? '🔇' : '🔊'}</button>
          <span className="time">{formatDuration(media.currentTime)} / {formatDuration(media.duration || video.duration)}</span>
          {chapters.length > 0 && <span className="current-chapter" aria-label="Current chapter">{chapterAt(chapters, media.currentTime)?.title}</span>}
          <span className="spacer" />
          <label className="control-select">
            Speed
            <select value={media.playbackRate} onChange={(event) => { if (element.current) element.current.playbackRate = Number(event.target.value); }}>
              {SPEEDS.map((speed) => <option key={speed} value={speed}>{speed === 1 ? 'Normal' : `${speed}×`}</option>)}
            </select>
          </label>
          <label className="control-select">
            Quality
            <select value={hls.selectedLevel} onChange={(event) => hls.selectLevel(Number(event.target.value))} disabled={hls.levels.length === 0}>
              <option value={-1}>Auto{hls.selectedLevel === -1 && playingHeight ? ` (${playingHeight}p)` : ''}</option>
              {hls.levels.map((level) => <option key={level.index} value={level.index}>{level.height}p</option>)}
            </select>
          </label>
          <CaptionsMenu tracks={hls.subtitleTracks} selected={hls.subtitleTrack} onSelect={hls.selectSubtitleTrack} />
          <button type="button" className="icon-button" aria-label="Full screen" onClick={toggleFullscreen}>⛶</button>
        </div>
      </div>
    </div>
  );
}
