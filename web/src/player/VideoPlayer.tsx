import { useCallback, useEffect, useRef, useState } from 'react';
import type { Video } from '../api/types.ts';
import { formatDuration } from '../components/format.ts';
import { TOUCH_QUERY, useMediaQuery } from '../hooks/useMediaQuery.ts';
import { CaptionsMenu, useRememberedCaptions } from './CaptionsMenu.tsx';
import { CaptionsOverlay } from './CaptionsOverlay.tsx';
import { chapterAt } from './chapters.ts';
import type { PlayerController } from './player-controller.ts';
import { SeekBar } from './SeekBar.tsx';
import { PlayerSettingsSheet } from './PlayerSettingsSheet.tsx';
import { Icon } from './PlayerIcons.tsx';
import { useControlsVisibility } from './useControlsVisibility.ts';
import { useHls } from './useHls.ts';
import { enterFullscreen, useLandscapeFullscreen } from './useLandscapeFullscreen.ts';
import { useMediaSession } from './useMediaSession.ts';
import { useMediaState } from './useMediaState.ts';
import { usePictureInPicture } from './usePictureInPicture.ts';
import { handlePlayerKey, SPEEDS } from './usePlayerShortcuts.ts';
import { useResumePoint } from './useResumePoint.ts';
import { useTapGestures } from './useTapGestures.ts';
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

const DOUBLE_TAP_SEEK_SECONDS = 10;

/**
 * The watch page's player: hls.js playback with our own controls, keyboard shortcuts and resume.
 * With a finger (phones, tablets) a tap shows or hides the controls, a double tap on the left or right
 * seeks 10 s, and speed and quality open as sheets; with a mouse the controls show on hover.
 */
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
  useMediaSession(element, video);
  const pip = usePictureInPicture(element);
  const touchScreen = useMediaQuery(TOUCH_QUERY);
  // A finger on a large screen (a laptop's touch screen) switches to the touch controls too.
  const [touched, setTouched] = useState(false);
  const touch = touchScreen || touched;
  useLandscapeFullscreen(container, element, touch);
  const controls = useControlsVisibility(media.paused);
  const [seekFlash, setSeekFlash] = useState<{ side: 'left' | 'right'; key: number } | null>(null);
  // On touch screens captions are chosen in the settings sheet, so the remembered language comes back here.
  useRememberedCaptions(hls.subtitleTracks, hls.subtitleTrack, hls.selectSubtitleTrack, touch);
  const error = hls.error ?? media.mediaError;

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else if (container.current) void enterFullscreen(container.current, touch).catch(() => undefined);
  }, [touch]);
  const togglePlay = useCallback(() => {
    const player = element.current;
    if (!player) return;
    if (player.paused) void player.play();
    else player.pause();
  }, []);
  const seekBy = useCallback((seconds: number) => {
    const player = element.current;
    if (!player) return;
    player.currentTime = Math.min(Math.max(0, player.currentTime + seconds), player.duration || 0);
  }, []);
  const gestures = useTapGestures({
    onClick: togglePlay,
    onTap: controls.toggle,
    onDoubleTap: useCallback(
      (side: 'left' | 'right') => {
        seekBy(side === 'left' ? -DOUBLE_TAP_SEEK_SECONDS : DOUBLE_TAP_SEEK_SECONDS);
        setSeekFlash({ side, key: Date.now() });
      },
      [seekBy],
    ),
  });
  const playingHeight = hls.levels[hls.playingLevel]?.height;
  const setSpeed = (speed: number) => {
    if (element.current) element.current.playbackRate = speed;
  };

  const className = ['player', touch ? 'touch' : '', touch && controls.shown ? 'controls-shown' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={container}
      className={className}
      data-levels={hls.levels.length}
      tabIndex={0}
      aria-label="Video player; press k to play or pause"
      onKeyDown={(event) => element.current && handlePlayerKey(event, element.current, toggleFullscreen)}
      onPointerDown={(event) => {
        if (event.pointerType !== 'touch') return;
        setTouched(true);
        // Any touch on the controls (scrubbing, a menu) keeps them up a while longer.
        if ((event.target as HTMLElement).closest('.player-controls, .player-center')) controls.keepAwhile();
      }}
    >
      <video
        ref={element}
        className="player-video"
        poster={video.thumbnailUrl ?? undefined}
        playsInline
        style={{ aspectRatio: video.width && video.height ? `${video.width} / ${video.height}` : '16 / 9' }}
      />
      {/* Takes the taps and clicks on the picture (the controls sit above it). */}
      <div
        className="player-gesture-layer"
        aria-hidden="true"
        onPointerDown={gestures.onPointerDown}
        onClick={gestures.onClick}
      />
      {seekFlash && (
        <div
          key={seekFlash.key}
          className={`seek-flash ${seekFlash.side}`}
          role="status"
          onAnimationEnd={() => setSeekFlash(null)}
        >
          {seekFlash.side === 'left' ? `−${DOUBLE_TAP_SEEK_SECONDS} s` : `+${DOUBLE_TAP_SEEK_SECONDS} s`}
        </div>
      )}
      <CaptionsOverlay
        video={element.current}
        track={hls.subtitleTracks.find((track) => track.id === hls.subtitleTrack) ?? null}
      />
      {error && (
        <div className="player-error" role="alert">
          {error}
        </div>
      )}
      {typeof resumeAt === 'number' && media.currentTime < resumeAt + 3 && (
        <div className="player-toast" role="status">
          Resumed at {formatDuration(resumeAt)}
        </div>
      )}
      {touch && (
        <div className="player-center">
          <button
            type="button"
            className="icon-button center-play"
            onClick={togglePlay}
            aria-label={media.paused ? 'Play' : 'Pause'}
          >
            {media.paused ? '▶' : '❚❚'}
          </button>
        </div>
      )}
      <div className="player-controls">
        <SeekBar
          currentTime={media.currentTime}
          duration={media.duration || video.duration || 0}
          buffered={media.buffered}
          storyboardVttUrl={video.storyboard?.vttUrl ?? null}
          onSeek={(time) => {
            if (element.current) element.current.currentTime = time;
          }}
          chapters={chapters}
        />
        <div className="control-row">
          {!touch && (
            <button
              type="button"
              className="icon-button"
              onClick={togglePlay}
              aria-label={media.paused ? 'Play' : 'Pause'}
            >
              {media.paused ? '▶' : '❚❚'}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={media.muted ? 'Unmute' : 'Mute'}
            onClick={() => {
              if (element.current) element.current.muted = !element.current.muted;
            }}
          >
            <Icon name={media.muted ? 'muted' : 'volume'} />
          </button>
          <span className="time">
            {formatDuration(media.currentTime)} / {formatDuration(media.duration || video.duration)}
          </span>
          {chapters.length > 0 && (
            <span className="current-chapter" aria-label="Current chapter">
              {chapterAt(chapters, media.currentTime)?.title}
            </span>
          )}
          <span className="spacer" />
          {touch ? (
            <PlayerSettingsSheet
              levels={hls.levels}
              selectedLevel={hls.selectedLevel}
              playingHeight={playingHeight}
              onSelectLevel={hls.selectLevel}
              playbackRate={media.playbackRate}
              onSelectSpeed={setSpeed}
              captionTracks={hls.subtitleTracks}
              selectedCaptions={hls.subtitleTrack}
              onSelectCaptions={hls.selectSubtitleTrack}
            />
          ) : (
            <>
              <label className="control-select">
                Speed
                <select value={media.playbackRate} onChange={(event) => setSpeed(Number(event.target.value))}>
                  {SPEEDS.map((speed) => (
                    <option key={speed} value={speed}>
                      {speed === 1 ? 'Normal' : `${speed}×`}
                    </option>
                  ))}
                </select>
              </label>
              <label className="control-select">
                Quality
                <select
                  value={hls.selectedLevel}
                  onChange={(event) => hls.selectLevel(Number(event.target.value))}
                  disabled={hls.levels.length === 0}
                >
                  <option value={-1}>
                    Auto{hls.selectedLevel === -1 && playingHeight ? ` (${playingHeight}p)` : ''}
                  </option>
                  {hls.levels.map((level) => (
                    <option key={level.index} value={level.index}>
                      {level.height}p
                    </option>
                  ))}
                </select>
              </label>
              <CaptionsMenu
                tracks={hls.subtitleTracks}
                selected={hls.subtitleTrack}
                onSelect={hls.selectSubtitleTrack}
              />
            </>
          )}
          {pip.supported && (
            <button
              type="button"
              className="icon-button"
              aria-label={pip.active ? 'Leave picture-in-picture' : 'Picture-in-picture'}
              aria-pressed={pip.active}
              onClick={pip.toggle}
            >
              <Icon name="pictureInPicture" />
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Full screen" onClick={toggleFullscreen}>
            <Icon name="fullscreen" />
          </button>
        </div>
      </div>
    </div>
  );
}
