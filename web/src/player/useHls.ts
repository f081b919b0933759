import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type Hls from 'hls.js';

type HlsModule = typeof import('hls.js');
let hlsModule: Promise<HlsModule> | null = null;

/**
 * Starts downloading the player library (the full build: captions come as HLS subtitle renditions,
 * which the light build leaves out). It is a lazy chunk of its own; the watch page asks for it on
 * arrival so the download overlaps its API calls.
 */
export function loadHls(): Promise<HlsModule> {
  hlsModule ??= import('hls.js');
  return hlsModule;
}

export interface SubtitleTrack {
  /** hls.js's subtitle track index. */
  id: number;
  name: string;
  lang: string;
}

export interface QualityLevel {
  index: number;
  height: number;
  bitrate: number;
}

export interface HlsState {
  levels: QualityLevel[];
  /** -1 is automatic (adaptive) selection. */
  selectedLevel: number;
  /** The level playing now, which under auto is what the adaptive logic chose. */
  playingLevel: number;
  error: string | null;
  selectLevel(level: number): void;
  /** The master playlist's subtitle renditions (captions). */
  subtitleTracks: SubtitleTrack[];
  /** -1 when captions are off. */
  subtitleTrack: number;
  selectSubtitleTrack(id: number): void;
}

/**
 * Plays an HLS master playlist in the <video>: natively where the browser can (Safari), otherwise
 * through hls.js over Media Source Extensions. hls.js is loaded on demand so other pages stay light.
 * Loading waits until `startPosition` is known (null: from the beginning), so a resumed video
 * fetches its first segments at the resume point instead of at 0.
 */
export function useHls(
  video: RefObject<HTMLVideoElement | null>,
  source: string | undefined,
  startPosition: number | null | undefined,
): HlsState {
  const hls = useRef<Hls | null>(null);
  const [levels, setLevels] = useState<QualityLevel[]>([]);
  const [selectedLevel, setSelectedLevel] = useState(-1);
  const [playingLevel, setPlayingLevel] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [subtitleTracks, setSubtitleTracks] = useState<SubtitleTrack[]>([]);
  const [subtitleTrack, setSubtitleTrack] = useState(-1);
  const selectSubtitleTrack = useCallback((id: number) => {
    if (!hls.current) return;
    hls.current.subtitleDisplay = false;
    hls.current.subtitleTrack = id;
    setSubtitleTrack(id);
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!element || !source || startPosition === undefined) return;
    let cancelled = false;
    setError(null);
    void loadHls().then(({ default: HlsPlayer }) => {
      if (cancelled) return;
      if (!HlsPlayer.isSupported()) {
        if (!element.canPlayType('application/vnd.apple.mpegurl'))
          return setError('This browser cannot play HLS video.');
        element.src = source;
        if (startPosition !== null)
          element.addEventListener(
            'loadedmetadata',
            () => {
              element.currentTime = startPosition;
            },
            { once: true },
          );
        return;
      }
      // Cues load into a hidden TextTrack; CaptionsOverlay draws them, so they show in our fullscreen too.
      const player = new HlsPlayer({ startPosition: startPosition ?? -1 });
      player.subtitleDisplay = false;
      hls.current = player;
      player.on(HlsPlayer.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
        setSubtitleTracks(data.subtitleTracks.map((track, id) => ({ id, name: track.name, lang: track.lang ?? '' })));
      });
      player.on(HlsPlayer.Events.SUBTITLE_TRACK_SWITCH, (_event, data) => setSubtitleTrack(data.id));
      player.on(HlsPlayer.Events.MANIFEST_PARSED, (_event, data) => {
        setLevels(data.levels.map((level, index) => ({ index, height: level.height, bitrate: level.bitrate })));
        // Start on its own when the viewer clicked their way here (browsers allow it then);
        // a page opened directly waits for Play instead of trying and being refused.
        if (navigator.userActivation?.hasBeenActive) element.play().catch(() => undefined);
      });
      player.on(HlsPlayer.Events.LEVEL_SWITCHED, (_event, data) => setPlayingLevel(data.level));
      player.on(HlsPlayer.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === HlsPlayer.ErrorTypes.MEDIA_ERROR) {
          player.recoverMediaError();
        } else {
          setError(`Playback failed: ${data.details}`);
        }
      });
      player.loadSource(source);
      player.attachMedia(element);
    });
    return () => {
      cancelled = true;
      hls.current?.destroy();
      hls.current = null;
    };
  }, [video, source, startPosition]);

  return {
    levels,
    selectedLevel,
    playingLevel,
    error,
    selectLevel: (level) => {
      if (!hls.current) return;
      // A chosen rung shows at once (the buffer is flushed); going back to auto lets the buffer play out.
      if (level === -1) hls.current.nextLevel = -1;
      else hls.current.currentLevel = level;
      setSelectedLevel(level);
    },
    subtitleTracks,
    subtitleTrack,
    selectSubtitleTrack,
  };
}
